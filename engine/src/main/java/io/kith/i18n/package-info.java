/** Languages Kith speaks (en, zh-Hant, zh-Hans), locale negotiation and UI message bundles. */
package io.kith.i18n;
