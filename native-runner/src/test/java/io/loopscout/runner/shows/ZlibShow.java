package io.loopscout.runner.shows;

import io.loopscout.runner.build.RustToolchain;
import io.loopscout.runner.sandbox.Sandbox;
import java.nio.file.Path;

/** The zlib-rs real check (inflate fed in 16-byte chunks); filled in once the driver crate exists. */
final class ZlibShow {
    private ZlibShow() {
    }

    static void run(Sandbox sandbox, RustToolchain tc, Path scratch, String[] args) {
        System.out.println("zlib show not available yet");
    }
}
