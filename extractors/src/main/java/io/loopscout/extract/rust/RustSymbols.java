package io.loopscout.extract.rust;

import io.loopscout.extract.parse.Nodes;
import io.loopscout.extract.parse.ParsedSource;
import java.io.Serializable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.treesitter.TSNode;

/**
 * The type declarations a state type is resolved against: enums (and whether a variant carries fields), struct
 * fields, {@code const} items and type aliases of one file, or of a whole crate when merged.
 */
public final class RustSymbols implements Serializable {

    private static final Map<String, String> ITEMS = Map.of("enum", "enum_item", "struct", "struct_item",
            "const", "const_item", "static", "static_item", "type", "type_item");

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

    /** The declarations of one parsed file (found by keyword, see {@link KeywordNodes}). */
    static RustSymbols of(ParsedSource parsed) {
        RustSymbols s = new RustSymbols();
        for (TSNode item : KeywordNodes.find(parsed, ITEMS)) {
            TSNode name = Nodes.field(item, "name");
            if (Nodes.isNull(name)) {
                continue;
            }
            String n = parsed.text(name);
            switch (Nodes.type(item)) {
                case "enum_item" -> s.addEnum(parsed, n, Nodes.field(item, "body"));
                case "struct_item" -> s.addFields(parsed, n, Nodes.field(item, "body"));
                case "const_item", "static_item" -> {
                    TSNode type = Nodes.field(item, "type");
                    if (!Nodes.isNull(type)) {
                        s.consts.put(n, compact(parsed.text(type)));
                    }
                }
                case "type_item" -> {
                    TSNode type = Nodes.field(item, "type");
                    if (!Nodes.isNull(type)) {
                        s.aliases.put(n, compact(parsed.text(type)));
                    }
                }
                default -> {
                }
            }
        }
        return s;
    }

    private void addEnum(ParsedSource parsed, String name, TSNode body) {
        boolean withFields = false;
        if (!Nodes.isNull(body)) {
            int n = Nodes.namedChildCount(body);
            for (int i = 0; i < n; i++) {
                TSNode v = Nodes.namedChild(body, i);
                if (!Nodes.type(v).equals("enum_variant")) {
                    continue;
                }
                TSNode vn = Nodes.field(v, "name");
                if (!Nodes.isNull(vn)) {
                    variants.computeIfAbsent(parsed.text(vn), k -> new HashSet<>()).add(name);
                }
                withFields |= !Nodes.isNull(Nodes.field(v, "body"));
            }
        }
        enums.merge(name, withFields, Boolean::logicalOr);
    }

    private void addFields(ParsedSource parsed, String struct, TSNode body) {
        if (Nodes.isNull(body) || !Nodes.type(body).equals("field_declaration_list")) {
            return;
        }
        int n = Nodes.namedChildCount(body);
        for (int i = 0; i < n; i++) {
            TSNode f = Nodes.namedChild(body, i);
            TSNode fn = Nodes.field(f, "name");
            TSNode ft = Nodes.field(f, "type");
            if (Nodes.type(f).equals("field_declaration") && !Nodes.isNull(fn) && !Nodes.isNull(ft)) {
                fields.put(struct + "." + parsed.text(fn), compact(parsed.text(ft)));
            }
        }
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
