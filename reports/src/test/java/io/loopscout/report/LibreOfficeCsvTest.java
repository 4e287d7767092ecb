package io.loopscout.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopscout.core.Language;
import io.loopscout.manifest.Popularity;
import io.loopscout.manifest.ProjectSpec;
import io.loopscout.manifest.SourceSpec;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Opens the CSV reports in LibreOffice Calc, as a spreadsheet user would, and reads the cells back from the
 * flat ODF it saves: formulas in the corpus stay text, numbers stay numbers, odd paths survive.
 * Needs the Debian package libreoffice-calc-nogui (or libreoffice-calc); skipped, with a message, without it.
 */
class LibreOfficeCsvTest {

    private static final String OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    private static final String TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";

    private static String soffice;

    @BeforeAll
    static void findLibreOffice() {
        soffice = onPath("soffice");
        if (soffice == null) {
            soffice = onPath("libreoffice");
        }
        if (soffice == null) {
            System.err.println("LibreOfficeCsvTest SKIPPED: soffice not on PATH "
                    + "(apt-get install -y libreoffice-calc-nogui)");
        }
    }

    @BeforeEach
    void needsLibreOffice() {
        Assumptions.assumeTrue(soffice != null,
                "LibreOffice not installed (apt-get install -y libreoffice-calc-nogui): CSV spreadsheet test skipped");
    }

    private static String onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return null;
    }

    /** One cell as LibreOffice saved it. */
    record Cell(String type, String value, String text, String formula) {
    }

    @Test
    void spreadsheetKeepsFormulasAsTextNumbersAsNumbersAndOddPaths(@TempDir Path dir) throws Exception {
        List<ProjectResult> results = new ArrayList<>();
        int rank = 1;
        for (ProjectResult r : ResultFixtures.all()) {
            results.add(r.withScore(5 - rank, rank++));
        }
        results.add(ProjectResult.of(new ProjectSpec("machine_à_états", Language.RUST,
                new SourceSpec.Path("./dëcoder-ü"), Popularity.none(), null, null, null, 1), "", List.of(),
                null, null));
        ProjectsCsv.write(dir, results);
        FindingsCsv.write(dir, results);
        FailuresCsv.write(dir, ResultFixtures.failures());
        // control: a raw formula, written without loopscout's writer, must become a formula, else this test
        // could not tell an escaped cell from a spreadsheet that never evaluates formulas
        Files.writeString(dir.resolve("control.csv"), "a,b\r\n=1+1,-3.2\r\n", StandardCharsets.UTF_8);

        convertToFlatOds(dir, "projects.csv", "findings.csv", "failures.csv", "control.csv");

        List<List<Cell>> control = readSheet(dir.resolve("control.fods"));
        assertEquals("of:=1+1", control.get(1).get(0).formula(), "LibreOffice evaluates raw formulas on import");

        List<List<Cell>> projects = readSheet(dir.resolve("projects.fods"));
        assertEquals("rank", projects.get(0).get(0).text(), "the BOM is not part of the first cell");
        assertTrue(projects.stream().anyMatch(row -> row.get(1).text().equals("machine_à_états")
                && row.get(4).text().equals("path:./dëcoder-ü")), "non-ASCII text reads back unchanged");
        Cell formulaName = projects.get(4).get(1);
        assertEquals("string", formulaName.type());
        assertTrue(formulaName.text().contains(ResultFixtures.FORMULA_ID), formulaName.toString());
        assertEquals("string", projects.get(4).get(2).type(), "version +1 stays text");
        Cell score = projects.get(1).get(16);
        assertEquals("float", score.type());
        assertEquals(4.0, Double.parseDouble(score.value()));
        Cell speedup = projects.get(1).get(9);
        assertEquals("float", speedup.type());
        assertEquals(1.12, Double.parseDouble(speedup.value()));
        assertEquals(ResultFixtures.HOSTILE_ID, projects.get(3).get(1).text());

        List<List<Cell>> findings = readSheet(dir.resolve("findings.fods"));
        List<Cell> hostile = findings.stream().filter(row -> row.get(0).text().equals(ResultFixtures.HOSTILE_ID))
                .findFirst().orElseThrow();
        assertEquals(ResultFixtures.ODD_FILE, hostile.get(3).text(), "a path with a comma and a quote survives");
        assertEquals("float", hostile.get(17).type(), "a negative speed-up stays a number");
        assertEquals(-3.2, Double.parseDouble(hostile.get(17).value()));
        assertEquals("float", hostile.get(4).type(), "start_line is a number");

        List<List<Cell>> failures = readSheet(dir.resolve("failures.fods"));
        assertEquals("string", failures.get(1).get(3).type());
        assertTrue(failures.get(1).get(3).text().contains("=cmd|"));

        for (String sheet : List.of("projects.fods", "findings.fods", "failures.fods")) {
            for (List<Cell> row : readSheet(dir.resolve(sheet))) {
                for (Cell c : row) {
                    assertEquals(null, c.formula(), sheet + ": no cell may become a formula: " + c);
                }
            }
        }
    }

    private static void convertToFlatOds(Path dir, String... csvFiles) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(soffice, "--headless", "--norestore", "--nolockcheck",
                "-env:UserInstallation=" + dir.resolve("lo-profile").toUri(),
                "--infilter=CSV:44,34,76,1", "--convert-to", "fods", "--outdir", dir.toString()));
        for (String f : csvFiles) {
            cmd.add(dir.resolve(f).toString());
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("soffice.log").toFile()).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("soffice did not finish in 180 s: " + Files.readString(dir.resolve("soffice.log")));
        }
        for (String f : csvFiles) {
            Path out = dir.resolve(f.replace(".csv", ".fods"));
            assertTrue(Files.exists(out), "soffice made no " + out + ": " + Files.readString(dir.resolve("soffice.log")));
        }
    }

    /** The first sheet's rows and cells, with repeated cells expanded. */
    private static List<List<Cell>> readSheet(Path fods) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = f.newDocumentBuilder().parse(fods.toFile());
        Element table = (Element) doc.getElementsByTagNameNS(TABLE_NS, "table").item(0);
        assertNotNull(table, "no table in " + fods);
        List<List<Cell>> rows = new ArrayList<>();
        NodeList rowNodes = table.getElementsByTagNameNS(TABLE_NS, "table-row");
        for (int i = 0; i < rowNodes.getLength(); i++) {
            Element row = (Element) rowNodes.item(i);
            List<Cell> cells = new ArrayList<>();
            for (Node n = row.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && TABLE_NS.equals(e.getNamespaceURI())
                        && (e.getLocalName().equals("table-cell") || e.getLocalName().equals("covered-table-cell"))) {
                    String repeat = e.getAttributeNS(TABLE_NS, "number-columns-repeated");
                    int times = repeat.isEmpty() ? 1 : Math.min(Integer.parseInt(repeat), 64);
                    Cell c = new Cell(e.getAttributeNS(OFFICE_NS, "value-type"),
                            e.getAttributeNS(OFFICE_NS, "value"), text(e),
                            e.hasAttributeNS(TABLE_NS, "formula") ? e.getAttributeNS(TABLE_NS, "formula") : null);
                    for (int k = 0; k < times; k++) {
                        cells.add(c);
                    }
                }
            }
            if (cells.stream().anyMatch(c -> !c.type().isEmpty())) {
                rows.add(cells);
            }
        }
        assertFalse(rows.isEmpty(), "empty sheet " + fods);
        return rows;
    }

    /** A cell's text: its paragraphs joined by newlines (text:s elements are spaces). */
    private static String text(Element cell) {
        StringBuilder sb = new StringBuilder();
        NodeList ps = cell.getElementsByTagNameNS("urn:oasis:names:tc:opendocument:xmlns:text:1.0", "p");
        for (int i = 0; i < ps.getLength(); i++) {
            if (i > 0) {
                sb.append('\n');
            }
            appendText(ps.item(i), sb);
        }
        return sb.toString();
    }

    private static void appendText(Node n, StringBuilder sb) {
        for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeType() == Node.TEXT_NODE) {
                sb.append(c.getNodeValue());
            } else if (c instanceof Element e && "s".equals(e.getLocalName())) {
                String count = e.getAttributeNS("urn:oasis:names:tc:opendocument:xmlns:text:1.0", "c");
                sb.append(" ".repeat(count.isEmpty() ? 1 : Integer.parseInt(count)));
            } else if (c instanceof Element e && "line-break".equals(e.getLocalName())) {
                sb.append('\n');
            } else {
                appendText(c, sb);
            }
        }
    }
}
