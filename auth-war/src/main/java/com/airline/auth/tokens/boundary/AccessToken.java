package com.airline.auth.tokens.boundary;

import com.airline.auth.tokens.control.TokenIssuer;

public record AccessToken(String accessToken, String tokenType, long expiresIn) {

  public static AccessToken from(TokenIssuer.IssuedToken token) {
    return new AccessToken(token.value(), "Bearer", token.expiresIn());
  }
}
