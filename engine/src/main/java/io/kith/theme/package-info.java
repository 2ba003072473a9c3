/**
 * Theme colours an administrator sets (background, header, text): a checked {@link io.kith.theme.Theme},
 * stored as settings, cached briefly and handed to every page, whose layout applies them as CSS
 * variables. Only {@code #rrggbb} values exist, so nothing typed reaches the CSS as written.
 */
package io.kith.theme;
