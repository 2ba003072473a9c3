/** Web security: CSRF protection for pages now; login, roles and permissions later. */
package io.kith.security;
