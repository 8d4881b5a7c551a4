package nl.stem.api.auth;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import nl.stem.api.ErrorCode;
import nl.stem.api.StemException;
import nl.stem.api.audit.Audit;
import nl.stem.api.auth.TokenResource.CreatedToken;
import nl.stem.api.auth.TokenResource.TokenView;

/**
 * Role tokens, the same for {@code /api/tokens} and the admin's page: create one (its secret is
 * returned once; only its SHA-256 is stored), list them without secrets, revoke one. Each change
 * is audited with the admin's name.
 */
@ApplicationScoped
public class ApiTokens {
    static final int MAX_NAME = 100;

    private final Clock clock;
    private final Audit audit;

    @Inject
    public ApiTokens(Clock clock, Audit audit) {
        this.clock = clock;
        this.audit = audit;
    }

    /** A new token named {@code name} with role {@code role}; 400 for an empty or long name or an unknown role. */
    @Transactional
    public CreatedToken create(String name, String role, String actor) {
        if (name == null || name.isBlank() || name.strip().length() > MAX_NAME) {
            throw new StemException(ErrorCode.BAD_NAME, "Give the token a \"name\" of 1-" + MAX_NAME + " characters (it appears in the audit log)");
        }
        Role r = Role.parse(role);
        if (r == null) {
            throw new StemException(ErrorCode.BAD_ROLE, "\"role\" must be researcher, coordinator or admin");
        }
        String secret = TokenHashes.newToken();
        ApiToken t = new ApiToken();
        t.name = name.strip();
        t.role = r.roleName();
        t.tokenHash = TokenHashes.hash(secret);
        t.createdAt = clock.instant();
        t.createdBy = actor;
        t.persist();
        audit.record(actor, "token.create", t.name, Map.of("token_id", t.id, "role", t.role));
        return new CreatedToken(t.id, t.name, t.role, secret);
    }

    /** Every token, oldest first, without secrets. */
    @Transactional
    public List<TokenView> list() {
        return ApiToken.<ApiToken>list("order by id").stream().map(TokenView::of).toList();
    }

    /** Revokes a token at once (again is harmless); 404 for an unknown id. */
    @Transactional
    public TokenView revoke(long id, String actor) {
        ApiToken t = ApiToken.findById(id);
        if (t == null) {
            throw new StemException(ErrorCode.TOKEN_NOT_FOUND, "No token with id " + id);
        }
        if (t.revokedAt == null) {
            t.revokedAt = clock.instant();
            audit.record(actor, "token.revoke", t.name, Map.of("token_id", t.id, "role", t.role));
        }
        return TokenView.of(t);
    }
}
