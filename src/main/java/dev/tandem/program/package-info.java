/** Programs a workspace runs: their settings, tiers, versioned agreements, application form and ideal partner profile. */
package dev.tandem.program;
