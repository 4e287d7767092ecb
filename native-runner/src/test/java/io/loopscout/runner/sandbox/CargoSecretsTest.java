package io.loopscout.runner.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The redacted cargo config: secret values blanked in their own TOML type, everything else kept byte for byte. */
class CargoSecretsTest {

    @Test
    void blanksSecretValuesKeepingTheirTypeAndEverythingElse() {
        String toml = """
                [build]
                jobs = 1 # a comment with token = "not a key"
                [registry]
                global-credential-providers = ["cargo:token", "cargo:libsecret"]
                token = "cio-1"
                [registries.a.b]
                'token' = 'cio-2'
                auth = { token = "cio-3", kind = "x" }
                index = "sparse+https://user:cio-4@host/index/"
                [[x.y]]
                secret-key = \"""
                cio-5\"""
                retries = 3
                """;
        assertEquals("""
                [build]
                jobs = 1 # a comment with token = "***"
                [registry]
                global-credential-providers = []
                token = "***"
                [registries.a.b]
                'token' = "***"
                auth = { token = "***", kind = "x" }
                index = "sparse+https://***@host/index/"
                [[x.y]]
                secret-key = "***"
                retries = 3
                """, CargoSecrets.redact(toml));
    }
}
