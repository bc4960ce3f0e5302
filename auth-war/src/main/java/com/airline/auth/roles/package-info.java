/** Owns roles: the built-in ADMIN, SUPPORT and USER and the ones admins add. */
package com.airline.auth.roles;
