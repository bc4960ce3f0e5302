package com.airline.auth.users.boundary;

import com.airline.auth.tokens.control.TokenIssuer;

public record AccessToken(String accessToken, String tokenType, long expiresIn) {

  static AccessToken from(TokenIssuer.IssuedToken token) {
    return new AccessToken(token.value(), "Bearer", token.expiresIn());
  }
}
