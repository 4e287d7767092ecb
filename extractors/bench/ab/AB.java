import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.*;

/** In-process interleaved A/B: raw parse, then each variant's end-to-end pass, order rotated per round. */
public class AB {
    public static void main(String[] a) throws Exception {
        int rounds = Integer.parseInt(a[0]);
        List<String> names = new ArrayList<>(); List<Method> e2e = new ArrayList<>(); Method raw = null;
        int i = 1;
        for (; !a[i].equals("--"); i++) {
            String name = a[i].substring(0, a[i].indexOf('='));
            String dir = a[i].substring(a[i].indexOf('=') + 1);
            URLClassLoader l = new URLClassLoader(new URL[] {Path.of(System.getProperty("ab.pass") + "/").toUri().toURL(), Path.of(dir + "/").toUri().toURL()}, AB.class.getClassLoader());
            Class<?> c = l.loadClass("E2EPass");
            names.add(name); e2e.add(c.getMethod("e2e", List.class));
            if (raw == null) raw = c.getMethod("raw", List.class);
        }
        List<String> roots = Arrays.asList(a).subList(i + 1, a.length);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        int n = names.size();
        double[][] ratio = new double[n][rounds];
        List<Object> firstFindings = new ArrayList<>();
        for (int r = -1; r < rounds; r++) {
            double[] t = new double[n + 1];
            for (int k = 0; k <= n; k++) {
                int v = (k + Math.max(r, 0)) % (n + 1);
                long t0 = cpu.getCurrentThreadCpuTime();
                Object res = v == n ? raw.invoke(null, roots) : e2e.get(v).invoke(null, roots);
                t[v] = (cpu.getCurrentThreadCpuTime() - t0) / 1e9;
                if (r == -1 && v < n) firstFindings.add(res);
            }
            if (r == -1) {
                for (int v = 1; v < n; v++) System.out.println("findings " + names.get(v) + " identical to " + names.get(0) + ": " + firstFindings.get(v).equals(firstFindings.get(0)) + " (" + ((List<?>) firstFindings.get(v)).size() + " vs " + ((List<?>) firstFindings.get(0)).size() + ")");
                continue;
            }
            StringBuilder sb = new StringBuilder(String.format("round %d: raw %.2f CPU-s", r + 1, t[n]));
            for (int v = 0; v < n; v++) { ratio[v][r] = t[n] / t[v]; sb.append(String.format(", %s %.2f CPU-s (e2e/raw speed %.0f%%)", names.get(v), t[v], 100 * ratio[v][r])); }
            System.out.println(sb + String.format("  load %s", new String(java.nio.file.Files.readAllBytes(Path.of("/proc/loadavg"))).split(" ")[0]));
        }
        for (int v = 0; v < n; v++) {
            double[] s = ratio[v].clone(); Arrays.sort(s);
            double m = Arrays.stream(s).average().orElse(0);
            System.out.printf("%s: end to end / raw parse speed median %.0f%%, mean %.0f%%, min %.0f%%, max %.0f%% over %d rounds%n", names.get(v), 100 * s[s.length / 2], 100 * m, 100 * s[0], 100 * s[s.length - 1], rounds);
        }
        for (int v = 1; v < n; v++) {
            double[] d = new double[rounds];
            for (int r = 0; r < rounds; r++) d[r] = ratio[v][r] / ratio[0][r];
            Arrays.sort(d);
            System.out.printf("%s vs %s: per-round speed ratio median %.3f (min %.3f, max %.3f)%n", names.get(v), names.get(0), d[rounds / 2], d[0], d[rounds - 1]);
        }
    }
}
