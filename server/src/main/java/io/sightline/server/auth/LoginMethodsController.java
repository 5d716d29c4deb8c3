package io.sightline.server.auth;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * How one can sign in to this server, asked by the desktop's connection dialog and the browser's sign-in page before
 * anyone is signed in: each shows a single sign-on button for a provider listed here, and the password form only
 * while {@code password} is true. The list is data: OpenID Connect ({@link OidcLogin}) is the one kind served today;
 * another kind (SAML) would add itself here (decision 0050).
 */
@RestController
class LoginMethodsController {

    static final String PATH = "/api/login_methods";

    /** A single sign-on provider: the browser opens {@code url} (a path on this server) to sign in. */
    record SsoMethod(String id, String name, String url) {
    }

    record LoginMethods(boolean password, List<SsoMethod> sso) {
    }

    private final PasswordLogin passwordLogin;
    private final ObjectProvider<OidcLogin> oidc;

    LoginMethodsController(PasswordLogin passwordLogin, ObjectProvider<OidcLogin> oidc) {
        this.passwordLogin = passwordLogin;
        this.oidc = oidc;
    }

    @GetMapping(PATH)
    LoginMethods loginMethods() {
        OidcLogin login = oidc.getIfAvailable();
        List<SsoMethod> sso = login == null ? List.of()
                : List.of(new SsoMethod(OidcProperties.REGISTRATION_ID, login.properties().displayName(),
                        OidcStartController.PATH));
        return new LoginMethods(passwordLogin.enabled(), sso);
    }
}
