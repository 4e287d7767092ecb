package io.loopscout.pipeline.beam.coders;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.BooleanCoder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.DoubleCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;

/**
 * The field writers the loopscout coders share: nullable UTF-8 strings, nullable enums by ordinal, varints,
 * nullable booleans and doubles. Each reader mirrors its writer; a null is one marker byte.
 */
final class Fields {

    private static final NullableCoder<String> STRING = NullableCoder.of(StringUtf8Coder.of());
    private static final NullableCoder<Boolean> BOOLEAN = NullableCoder.of(BooleanCoder.of());
    private static final NullableCoder<Double> DOUBLE = NullableCoder.of(DoubleCoder.of());
    private static final VarIntCoder INT = VarIntCoder.of();

    private Fields() {
    }

    static void string(String value, OutputStream out) throws IOException {
        STRING.encode(value, out);
    }

    static String string(InputStream in) throws IOException {
        return STRING.decode(in);
    }

    static void integer(int value, OutputStream out) throws IOException {
        INT.encode(value, out);
    }

    static int integer(InputStream in) throws IOException {
        return INT.decode(in);
    }

    static void bool(Boolean value, OutputStream out) throws IOException {
        BOOLEAN.encode(value, out);
    }

    static Boolean bool(InputStream in) throws IOException {
        return BOOLEAN.decode(in);
    }

    static void decimal(Double value, OutputStream out) throws IOException {
        DOUBLE.encode(value, out);
    }

    static Double decimal(InputStream in) throws IOException {
        return DOUBLE.decode(in);
    }

    /** An enum as ordinal + 1, 0 for null: the enums are the product's own, their order is fixed in source. */
    static void enumValue(Enum<?> value, OutputStream out) throws IOException {
        INT.encode(value == null ? 0 : value.ordinal() + 1, out);
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, InputStream in) throws IOException {
        int code = INT.decode(in);
        E[] values = type.getEnumConstants();
        if (code < 0 || code > values.length) {
            throw new CoderException("no " + type.getSimpleName() + " with code " + code);
        }
        return code == 0 ? null : values[code - 1];
    }
}
