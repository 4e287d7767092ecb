package io.loopscout.extract.rust;

import io.loopscout.extract.parse.ParsedSource;
import io.loopscout.extract.parse.Queries;
import java.io.Serializable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.treesitter.TSNode;
import org.treesitter.TSQuery;
import org.treesitter.TSQueryCapture;
import org.treesitter.TSQueryCursor;
import org.treesitter.TSQueryMatch;

/**
 * The type declarations a state type is resolved against: enums (and whether a variant carries fields), struct
 * fields, {@code const} items and type aliases of one file, or of a whole crate when merged.
 */
public final class RustSymbols implements Serializable {

    private static final String QUERY = """
            (enum_item name: (type_identifier) @enum.name
              body: (enum_variant_list (enum_variant name: (identifier) @variant.name body: (_)? @variant.body)))
            (struct_item name: (type_identifier) @struct.name
              body: (field_declaration_list (field_declaration name: (field_identifier) @field.name type: (_) @field.type)))
            (const_item name: (identifier) @const.name type: (_) @const.type)
            (static_item name: (identifier) @const.name type: (_) @const.type)
            (type_item name: (type_identifier) @alias.name type: (_) @alias.type)
            """;

    /** enum name → true when a variant has fields. */
    private final Map<String, Boolean> enums = new HashMap<>();
    /** variant name → the enums declaring it (bare names after {@code use State::*}). */
    private final Map<String, Set<String>> variants = new HashMap<>();
    /** "Struct.field" → type text. */
    private final Map<String, String> fields = new HashMap<>();
    private final Map<String, String> consts = new HashMap<>();
    private final Map<String, String> aliases = new HashMap<>();

    /** An empty symbol table. */
    public RustSymbols() {
    }

    /** The declarations of one parsed file. */
    static RustSymbols of(ParsedSource parsed) {
        RustSymbols s = new RustSymbols();
        TSQuery q = Queries.get(ParsedSource.Grammar.RUST, QUERY);
        TSQueryCursor cursor = new TSQueryCursor();
        cursor.exec(q, parsed.root());
        TSQueryMatch m = new TSQueryMatch();
        while (cursor.nextMatch(m)) {
            Map<String, TSNode> c = new HashMap<>();
            for (TSQueryCapture cap : m.getCaptures()) {
                c.put(q.getCaptureNameForId(cap.getIndex()), cap.getNode());
            }
            if (c.containsKey("enum.name")) {
                String e = parsed.text(c.get("enum.name"));
                boolean fields = c.containsKey("variant.body")
                        && !c.get("variant.body").getType().endsWith("_expression")
                        && !c.get("variant.body").getType().endsWith("_literal");
                s.enums.merge(e, fields, Boolean::logicalOr);
                s.variants.computeIfAbsent(parsed.text(c.get("variant.name")), k -> new HashSet<>()).add(e);
            } else if (c.containsKey("struct.name")) {
                s.fields.put(parsed.text(c.get("struct.name")) + "." + parsed.text(c.get("field.name")),
                        compact(parsed.text(c.get("field.type"))));
            } else if (c.containsKey("const.name")) {
                s.consts.put(parsed.text(c.get("const.name")), compact(parsed.text(c.get("const.type"))));
            } else if (c.containsKey("alias.name")) {
                s.aliases.put(parsed.text(c.get("alias.name")), compact(parsed.text(c.get("alias.type"))));
            }
        }
        return s;
    }

    /** Adds every declaration of {@code other} (a crate's table is the union of its files'). */
    public RustSymbols addAll(RustSymbols other) {
        other.enums.forEach((k, v) -> enums.merge(k, v, Boolean::logicalOr));
        other.variants.forEach((k, v) -> variants.computeIfAbsent(k, x -> new HashSet<>()).addAll(v));
        fields.putAll(other.fields);
        consts.putAll(other.consts);
        aliases.putAll(other.aliases);
        return this;
    }

    /** Null when unknown, else whether enum {@code name} has a variant with fields. */
    Boolean enumHasFields(String name) {
        return enums.get(name);
    }

    /** The single enum declaring a variant of this name, or null. */
    String enumOfVariant(String variant) {
        Set<String> e = variants.get(variant);
        return e != null && e.size() == 1 ? e.iterator().next() : null;
    }

    String fieldType(String struct, String field) {
        return fields.get(struct + "." + field);
    }

    String constType(String name) {
        return consts.get(name);
    }

    String alias(String name) {
        return aliases.get(name);
    }

    boolean isEmpty() {
        return enums.isEmpty() && fields.isEmpty() && consts.isEmpty() && aliases.isEmpty();
    }

    static String compact(String s) {
        return s.replaceAll("\\s+", "");
    }
}
