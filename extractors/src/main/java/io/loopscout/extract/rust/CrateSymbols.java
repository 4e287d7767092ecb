package io.loopscout.extract.rust;

import io.loopscout.extract.SourceFile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A crate's declarations, the union of its files' {@link RustSymbols} in path order, read lazily: a file not parsed
 * for its loops is parsed for its declarations only when a state type's lookup names something its text contains.
 * A file can declare a name only if its text contains it, so every answer equals the eager union's; most files of
 * a crate are then never parsed. Not thread-safe (one project's extraction is one thread's).
 */
public final class CrateSymbols {

    /** The keywords a declaration of each kind begins with ({@link RustSymbols} finds items by them). */
    private static final List<String> ENUM = RustSymbols.keywordsOf("enum_item");
    private static final List<String> STRUCT = RustSymbols.keywordsOf("struct_item");
    private static final List<String> CONST = RustSymbols.keywordsOf("const_item", "static_item");
    private static final List<String> TYPE = RustSymbols.keywordsOf("type_item");

    /** One file: its declarations, or null until they are read from its text. */
    private static final class Entry {
        private final SourceFile file;
        private RustSymbols symbols;

        private Entry(SourceFile file, RustSymbols symbols) {
            this.file = file;
            this.symbols = symbols;
        }
    }

    private final List<Entry> files = new ArrayList<>();
    /** The lookups answered already: every file whose text holds their words is read. */
    private final Set<List<String>> covered = new HashSet<>();
    private RustSymbols merged;

    /** A crate whose declarations are all known. */
    public static CrateSymbols of(RustSymbols all) {
        return new CrateSymbols().add(all);
    }

    /** Adds the declarations of the next file in path order, read already. */
    public CrateSymbols add(RustSymbols symbols) {
        files.add(new Entry(null, symbols));
        merged = null;
        return this;
    }

    /** Adds the next file in path order, whose declarations are read only when a lookup may need them. */
    public CrateSymbols addUnread(SourceFile file) {
        files.add(new Entry(file, null));
        covered.clear();
        return this;
    }

    /** Null when unknown, else whether enum {@code name} has a variant with fields (see {@link RustSymbols}). */
    Boolean enumHasFields(String name) {
        return covering(ENUM, name).enumHasFields(name);
    }

    /** The single enum declaring a variant of this name, or null. */
    String enumOfVariant(String variant) {
        return covering(ENUM, variant).enumOfVariant(variant);
    }

    String fieldType(String struct, String field) {
        return covering(STRUCT, struct, field).fieldType(struct, field);
    }

    String constType(String name) {
        return covering(CONST, name).constType(name);
    }

    String alias(String name) {
        return covering(TYPE, name).alias(name);
    }

    /**
     * The union of the declarations read so far, after reading every file whose text contains one of
     * {@code keywords} and all of {@code words}: exact for a declaration whose item begins with such a keyword and
     * whose names are those words.
     */
    private RustSymbols covering(List<String> keywords, String... words) {
        List<String> key = new ArrayList<>(keywords);
        key.add("");
        key.addAll(List.of(words));
        if (covered.add(key)) {
            for (Entry e : files) {
                if (e.symbols == null && containsAll(e.file.text(), words)
                        && keywords.stream().anyMatch(e.file.text()::contains)) {
                    e.symbols = read(e.file);
                    merged = null;
                }
            }
        }
        if (merged == null) {
            merged = new RustSymbols();
            for (Entry e : files) {
                if (e.symbols != null) {
                    merged.addAll(e.symbols);
                }
            }
        }
        return merged;
    }

    private static boolean containsAll(String text, String[] words) {
        for (String w : words) {
            if (!text.contains(w)) {
                return false;
            }
        }
        return true;
    }

    /** The file's declarations; none when it cannot be parsed (as for a file parsed for its loops). */
    private static RustSymbols read(SourceFile file) {
        try {
            return RustExtractor.symbolsOf(file);
        } catch (RuntimeException e) {
            return new RustSymbols();
        }
    }
}
