/** Start-up access to the PostgreSQL server itself: creating Kith's database when missing. */
package io.kith.db;
