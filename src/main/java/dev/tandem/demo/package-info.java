/** The demo workspace: with {@code TANDEM_DEMO=true} or {@code --demo}, a fresh Tandem is filled with a realistic business through the other modules' services. */
package dev.tandem.demo;
