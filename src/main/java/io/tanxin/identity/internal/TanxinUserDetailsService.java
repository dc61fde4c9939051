package io.tanxin.identity.internal;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

@Component
class TanxinUserDetailsService implements UserDetailsService {

    private final Users users;

    TanxinUserDetailsService(Users users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return users.findByUsername(username)
                .map(u -> new TanxinPrincipal(u.actor(), u.passwordHash(), u.enabled()))
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }
}
