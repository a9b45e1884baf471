/** Shared web plumbing only: security chains, language choice, the page layout's model, error pages. */
package dev.tandem.web;
