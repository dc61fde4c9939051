package io.tanxin.identity;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import io.tanxin.identity.internal.TokenHashing;
import io.tanxin.identity.internal.Users;
import io.tanxin.shared.DomainException;
import io.tanxin.shared.Uscc;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates users and API tokens. */
@Service
public class UserManagement {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Users users;
    private final PasswordEncoder passwords;

    UserManagement(Users users, PasswordEncoder passwords) {
        this.users = users;
        this.passwords = passwords;
    }

    static final int MAX_TOKEN_YEARS = 2;

    @Transactional
    public void createUser(NewUser user) {
        if (user.username() == null || !user.username().matches("[a-z0-9][a-z0-9._-]{1,63}")) {
            throw new DomainException("INVALID_USERNAME", "用户名只能包含小写字母、数字和 . _ -",
                    "Usernames use lower-case letters, digits and . _ -");
        }
        if (user.rawPassword() == null || user.rawPassword().length() < 8) {
            throw new DomainException("WEAK_PASSWORD", "密码至少 8 位", "Passwords need at least 8 characters");
        }
        if (user.roles().isEmpty()) {
            throw new DomainException("ROLE_REQUIRED", "用户至少需要一个角色", "A user needs at least one role");
        }
        requireOrganisationFitsRoles(user);
        if (users.exists(user.username())) {
            throw new DomainException("USER_EXISTS", "用户名已存在：" + user.username(),
                    "Username already taken: " + user.username()).withStatus(409);
        }
        users.insert(user, passwords.encode(user.rawPassword()));
    }

    /**
     * A user belongs to the organisation its roles work for, named by its code: without this, a park
     * administrator without a park or a bank officer filed as an enterprise would be a guard's blind
     * spot in every module that reads "its own" records.
     */
    private static void requireOrganisationFitsRoles(NewUser user) {
        for (Role role : user.roles()) {
            if (role.organisationKind() != user.organisationKind()) {
                throw new DomainException("ORGANISATION_DOES_NOT_FIT_ROLE",
                        "角色 " + role.nameZh() + "（" + role + "）须属于" + kindZh(role.organisationKind()) + "，而非"
                                + kindZh(user.organisationKind()),
                        "Role " + role + " belongs to an organisation of kind " + role.organisationKind() + ", not "
                                + user.organisationKind());
            }
        }
        if (user.organisationCode() == null || user.organisationCode().isBlank()) {
            throw new DomainException("ORGANISATION_CODE_REQUIRED", "须填写用户所属" + kindZh(user.organisationKind())
                    + "的代码", "The code of the user's " + user.organisationKind() + " is required");
        }
        if (user.organisationKind() == OrganisationKind.ENTERPRISE && !Uscc.isValid(user.organisationCode())) {
            throw new DomainException("INVALID_USCC", "企业用户所属企业的统一社会信用代码无效：" + user.organisationCode(),
                    "The enterprise user's USCC is not valid: " + user.organisationCode());
        }
    }

    private static String kindZh(OrganisationKind kind) {
        return switch (kind) {
            case ENTERPRISE -> "企业";
            case INSTITUTION -> "机构";
            case PARK -> "园区";
            case CITIZEN -> "个人";
            case NONE -> "无所属组织";
        };
    }

    public Optional<Actor> find(String username) {
        return users.findActor(username);
    }

    public List<Actor> list() {
        return users.listActors();
    }

    /** Issues a bearer token for the API; only its hash is kept, so it is shown once. */
    @Transactional
    public IssuedToken issueToken(String username, String name, OffsetDateTime expiresAt) {
        if (expiresAt != null && expiresAt.isAfter(OffsetDateTime.now().plusYears(MAX_TOKEN_YEARS))) {
            // a token is a password that never changes: bounded, and the database's timestamps end somewhere too
            throw new DomainException("TOKEN_LIFETIME_TOO_LONG", "令牌有效期至多 " + MAX_TOKEN_YEARS + " 年",
                    "A token may be valid for at most " + MAX_TOKEN_YEARS + " years");
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = "tx_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long id = users.insertToken(username, name == null || name.isBlank() ? "api" : name,
                TokenHashing.sha256(token), expiresAt);
        return new IssuedToken(id, name, token, expiresAt);
    }

    public record IssuedToken(long id, String name, String token, OffsetDateTime expiresAt) {
    }
}
