/**
 * The people who sign in to Kith and their roles: users (login, name, contact details, active),
 * password hashing and policy, roles with their permission documents, and the rules for removing
 * them (a user who owns records can only be deactivated).
 */
package io.kith.users;
