/** The REST API: functional routes, thin handlers and problem+json errors. */
package io.kith.web.api;
