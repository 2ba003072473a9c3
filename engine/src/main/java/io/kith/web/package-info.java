/** Web concerns shared by the API and the pages: request locale and problem documents. */
package io.kith.web;
