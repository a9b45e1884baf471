/** Tenants and the people and systems acting in them: workspaces, staff accounts and roles, API keys, the audit log. */
package dev.tandem.workspace;
