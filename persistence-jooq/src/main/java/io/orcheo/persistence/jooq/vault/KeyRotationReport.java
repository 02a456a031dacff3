package io.orcheo.persistence.jooq.vault;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What a key rotation did.
 *
 * @param credentials credentials in the vault
 * @param reencrypted credentials this run re-encrypted
 * @param alreadyUnderNewKey credentials an earlier, interrupted run had already re-encrypted
 * @param envelopesVerified secrets and OAuth tokens decrypted with the new key at the end
 * @param keyFileReplaced the key file now holding the new key, when the old key came from it
 */
public record KeyRotationReport(int credentials, int reencrypted, int alreadyUnderNewKey, int envelopesVerified,
    Optional<Path> keyFileReplaced) {}
