package io.tanxin.identity.internal;

import java.util.Collection;
import java.util.List;

import io.tanxin.identity.Actor;
import io.tanxin.identity.Actors;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The security principal: Spring's UserDetails around the module-neutral {@link Actor}. */
record TanxinPrincipal(Actor actor, String passwordHash, boolean enabled) implements UserDetails, Actors.ActorPrincipal {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> authorities = actor.roles().stream()
                .map(r -> (GrantedAuthority) new SimpleGrantedAuthority(r.authority())).toList();
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return actor.username();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }
}
