package io.tanxin.identity.web;

import java.time.OffsetDateTime;
import java.util.List;

import io.tanxin.identity.Actor;
import io.tanxin.identity.Actors;
import io.tanxin.identity.UserManagement;
import io.tanxin.identity.UserManagement.IssuedToken;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/identity")
@Tag(name = "identity", description = "当前用户与 API 令牌 / current user and API tokens")
class IdentityController {

    private final UserManagement users;

    IdentityController(UserManagement users) {
        this.users = users;
    }

    @GetMapping("/me")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "当前用户 / the signed-in user (any role)")
    Actor me() {
        return Actors.require();
    }

    @PostMapping("/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "签发 API 令牌（仅显示一次）/ issue an API token, shown once (any role)")
    IssuedToken issue(@RequestBody(required = false) @jakarta.validation.Valid TokenRequest request) {
        TokenRequest r = request == null ? new TokenRequest(null, null) : request;
        return users.issueToken(Actors.require().username(), r.name(), r.expiresAt());
    }

    @GetMapping("/users")
    @PreAuthorize("hasAnyRole('REGULATOR','AGENCY_ANALYST')")
    @Operation(summary = "用户列表 / list users (REGULATOR, AGENCY_ANALYST)")
    List<Actor> list() {
        return users.list();
    }

    record TokenRequest(@Size(max = 64) String name, @Future OffsetDateTime expiresAt) {
    }
}
