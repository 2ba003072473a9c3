/**
 * The generated HTML pages: list, detail, new and edit forms for every entity type, rendered by
 * FreeMarker from view models the handlers resolve first.
 */
package io.kith.web.page;
