/** The workspace module's pages (setup, login, team, API keys, audit log, account) and its API endpoint. */
package dev.tandem.workspace.web;
