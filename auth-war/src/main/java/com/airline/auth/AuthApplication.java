package com.airline.auth;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Users, roles and the tokens that every other service trusts. */
@ApplicationPath("api/v1")
@DeclareRoles({"ADMIN", "SUPPORT", "USER"})
public class AuthApplication extends Application {}
