package io.sightline.server.auth;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * How one can sign in to this server, asked by the desktop's connection dialog before anyone is signed in:
 * it shows a single sign-on button only for a provider listed here. Password login always works; no single
 * sign-on provider is implemented yet, so {@code sso} is empty until one (OIDC) adds itself.
 */
@RestController
class LoginMethodsController {

    static final String PATH = "/api/login_methods";

    /** A single sign-on provider: the browser opens {@code url} to sign in. */
    record SsoMethod(String id, String name, String url) {
    }

    record LoginMethods(boolean password, List<SsoMethod> sso) {
    }

    @GetMapping(PATH)
    LoginMethods loginMethods() {
        return new LoginMethods(true, List.of());
    }
}
