/** Owns user accounts: sign-up, sign-in, profiles, passwords and the roles a user holds. */
package com.airline.auth.users;
