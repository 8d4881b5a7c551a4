package nl.stem.dashboard;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The token page's texts, in English here and in Dutch in {@code messages/tk_nl.properties}. */
@MessageBundle(value = "tk", locale = "en")
public interface TokenPageMessages {
    @Message("Tokens")
    String title();

    @Message("A token signs a person or a program in with one role: researchers see results and exports, never identities; coordinators run members and waves; admins do everything. Give each person their own token, so the audit log names them.")
    String help();

    @Message("New token")
    String create_title();

    @Message("Name (appears in the audit log)")
    String name();

    @Message("Role")
    String role();

    @Message("Create")
    String create();

    @Message("Token for {name} ({role}). Copy it now and hand it over safely: it is shown only this once, and Stem keeps only its hash.")
    String created(String name, String role);

    @Message("Token {name} was revoked: it no longer works, and its dashboard sessions end.")
    String revoked(String name);

    @Message("Created")
    String created_at();

    @Message("By")
    String created_by();

    @Message("Status")
    String status();

    @Message("active")
    String active();

    @Message("revoked {at}")
    String revoked_at(String at);

    @Message("Revoke")
    String revoke();
}
