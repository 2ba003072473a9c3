/** Small shared utilities with no feature of their own. */
package io.kith.support;
