package io.loopscout.pipeline.beam.coders;

import io.loopscout.core.Language;
import io.loopscout.extract.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;

/**
 * Encodes a {@link SourceFile} as its fields in UTF-8 (the file text once, as bytes): Java serialization of the
 * record wrote a class descriptor per element and went through the object stream for every character.
 */
public final class SourceFileCoder extends CustomCoder<SourceFile> {

    private static final SourceFileCoder INSTANCE = new SourceFileCoder();

    private SourceFileCoder() {
    }

    /** The coder (stateless, one instance). */
    public static SourceFileCoder of() {
        return INSTANCE;
    }

    @Override
    public void encode(SourceFile file, OutputStream out) throws IOException {
        Fields.string(file.project(), out);
        Fields.string(file.version(), out);
        Fields.string(file.path(), out);
        Fields.enumValue(file.language(), out);
        StringUtf8Coder.of().encode(file.text(), out);
    }

    @Override
    public SourceFile decode(InputStream in) throws IOException {
        return new SourceFile(Fields.string(in), Fields.string(in), Fields.string(in),
                Fields.enumValue(Language.class, in), StringUtf8Coder.of().decode(in));
    }

    /** Deserialised copies (the runner ships coders inside the pipeline) are the one instance, so equal. */
    private Object readResolve() {
        return INSTANCE;
    }

    @Override
    public void verifyDeterministic() {
        // every field is written by a deterministic coder in a fixed order
    }
}
