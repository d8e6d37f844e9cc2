#!/usr/bin/env python3
"""Extract the claims of JSON Lines articles with Apache Spark.

Each Spark partition of the articles goes through one
`claimtrack extract - --format jsonl --quiet` process on an executor; the
claim files (one JSON object per article, as `claimtrack extract FILE
--format jsonl` prints them) are written as JSON Lines to OUTPUT/part-*.
"""

import argparse
import itertools
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from collections import deque

PROG = "spark_extract"

# What Rust's u8::is_ascii_whitespace takes: a line of only these is blank and
# skipped by claimtrack (it still counts for line numbers).
ASCII_WS = " \t\n\x0c\r"

# One bad article in claimtrack's stderr: `claimtrack: <stdin>:LINE: message`.
ARTICLE_ERROR = re.compile(r"^claimtrack: <stdin>:(\d+): (.*)$")

DESCRIPTION = """\
Extract the claims of JSON Lines articles with Apache Spark.

Reads INPUT (JSON Lines, one article per line: id, title, published, source,
url, text; only text is required), ships the claimtrack binary to the
executors (SparkContext.addFile), pipes each partition through
`claimtrack extract - --format jsonl --quiet`, and writes the claim files,
one JSON object per article as `claimtrack extract FILE --format jsonl`
prints it, to OUTPUT/part-00000, part-00001, ... in input order: the part
files joined in order are that command's output byte for byte.
"""

EPILOG = """\
inputs:
  Any path Spark reads (local, hdfs://, s3a://, ...): a file, a directory (its
  files, recursively; names starting with . or _ are skipped) or a glob. Files
  are taken in sorted order of their paths; .gz and other Hadoop codecs are
  read as they are. Lines end at \\n only. Spark decodes lines as UTF-8 and
  replaces invalid bytes with U+FFFD (claimtrack alone reports such a line as
  not UTF-8).

ids:
  An article's id names its claim file. Every line is numbered in its file
  before the articles are split into partitions, and a line without "id" (or
  with "id": null) is given STEM-LINE (STEM: its file's name without the
  extension, LINE: its 1-based line number), the name `claimtrack extract
  FILE` gives it. So ids never depend on how the input is partitioned, and the
  output equals the single-process run. Give every line an id of its own if
  the ids must survive a change of file names.

bad articles:
  A line that is not a JSON object, or that claimtrack rejects (no text, empty
  text, a bad date, ...), writes no claim file. Each is reported on stderr as
  FILE:LINE [id ID]: message and listed in OUTPUT/_errors.jsonl (one object
  per bad line: file, line, id, error; the file is empty when all went well);
  the exit status is then 1. Nothing is dropped silently: every partition
  checks that each article it sent came back as a claim file or as an error.

exit status:
  0 all articles extracted; 1 some articles bad (the others' claim files are
  written); 2 usage error, or the Spark job failed (the message says why).

examples:
  python3 scripts/spark_extract.py --master 'local[2]' articles.jsonl claims-out
  spark-submit --master spark://host:7077 scripts/spark_extract.py \\
      --binary target/release/claimtrack --partitions 64 \\
      hdfs:///corpus/articles/ hdfs:///corpus/claims
"""


class Usage(Exception):
    """A problem with the command line or its files: exit status 2."""


def parse_args(argv):
    p = argparse.ArgumentParser(
        prog="spark_extract.py",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="JSON Lines articles: a file, directory or glob Spark can read (several may be given)",
    )
    p.add_argument(
        "output",
        metavar="OUTPUT",
        help="directory to write the claim files to as JSON Lines (part-* files and _errors.jsonl); must not exist yet",
    )
    p.add_argument(
        "--master",
        metavar="URL",
        help="Spark master, e.g. 'local[2]', spark://host:7077, yarn (default: spark-submit's --master, else local[*])",
    )
    p.add_argument(
        "--binary",
        metavar="PATH",
        help="the claimtrack executable to ship to the executors; it must run on their platform "
        "(default: claimtrack on PATH, else target/release/claimtrack of this repository)",
    )
    p.add_argument(
        "--partitions",
        type=int,
        metavar="N",
        help="split the articles into N partitions by input position, one claimtrack process and "
        "one part file each (default: as Spark splits the input files)",
    )
    p.add_argument(
        "--yaml-dir",
        metavar="DIR",
        help="also write one YAML claim file per article, DIR/ID.yaml, as `claimtrack extract -o DIR` "
        "does, through a second claimtrack process per partition (twice the extraction work). "
        "DIR is a local path on every executor: the machine's own in local mode, a shared "
        "mount (NFS, ...) on a cluster. It must be absent or empty",
    )
    args = p.parse_args(argv)
    if args.partitions is not None and args.partitions < 1:
        p.error("--partitions must be at least 1")
    return args


def find_binary(given):
    """The claimtrack executable to ship, checked to run here when local."""
    if given is None:
        here = os.path.dirname(os.path.abspath(__file__))
        candidates = [shutil.which("claimtrack"), os.path.join(here, "..", "target", "release", "claimtrack")]
        found = next((c for c in candidates if c and os.access(c, os.X_OK)), None)
        if found is None:
            raise Usage("no claimtrack binary: build it (cargo build --release) or give --binary PATH")
        given = found
    if "://" in given:
        return given  # hdfs://, s3a://, http://...: fetched by SparkContext.addFile
    path = os.path.abspath(given)
    if not os.path.isfile(path):
        raise Usage(f"--binary {given}: no such file")
    if not os.access(path, os.X_OK):
        raise Usage(f"--binary {given}: not executable")
    try:
        out = subprocess.run([path, "--version"], capture_output=True, timeout=60)
    except OSError as e:
        raise Usage(f"--binary {given}: cannot run it: {e}") from e
    if out.returncode != 0 or not out.stdout.startswith(b"claimtrack"):
        raise Usage(f"--binary {given}: `{given} --version` did not print claimtrack's version")
    return path


def check_yaml_dir(given):
    if given is None:
        return None
    if given.startswith("file://"):
        given = given[len("file://") :]
    elif "://" in given:
        raise Usage(f"--yaml-dir {given}: a local (or mounted) directory, not a URI")
    path = os.path.abspath(given)
    if os.path.exists(path) and (not os.path.isdir(path) or os.listdir(path)):
        raise Usage(f"--yaml-dir {given}: exists and is not an empty directory")
    return path


# ---------------------------------------------------------------------------
# On the executors


def executable(name):
    """The shipped binary's local path, made executable if it came without the bit."""
    from pyspark import SparkFiles

    path = SparkFiles.get(name)
    if not os.access(path, os.X_OK):
        try:
            os.chmod(path, os.stat(path).st_mode | 0o111)
        except OSError:
            import tempfile

            copy = os.path.join(tempfile.mkdtemp(prefix="claimtrack-"), name)
            shutil.copyfile(path, copy)
            os.chmod(copy, 0o755)
            path = copy
    return path


def prepare(file_index, line, text, stems):
    """What one input line sends to claimtrack: (bytes to send or None, expected id, error).

    A line that is not a JSON object is an error here (claimtrack would take a
    stdin that does not start with `{` as one plain-text article). A line without
    an id gets STEM-LINE, as `claimtrack extract FILE` names it.
    """
    try:
        obj = json.loads(text)
    except (ValueError, RecursionError) as e:
        return None, None, f"not a JSON article object: {e}"
    if not isinstance(obj, dict):
        return None, None, f"not a JSON article object: a JSON {type(obj).__name__} is not an object"
    given = obj.get("id")
    if given is not None:
        # Sent as it is: claimtrack reports an id that is not a string.
        return text, given if isinstance(given, str) else None, None
    name = f"{stems[file_index]}-{line}"
    if "id" in obj or not obj:
        obj["id"] = name
        return json.dumps(obj), name, None
    # Only the id is added: the rest of the line goes as it was read.
    start = text.index("{") + 1
    return '{"id": ' + json.dumps(name) + ", " + text[start:], name, None


def parse_stderr(text):
    """(errors by stdin line, warnings, lines that are neither)."""
    errors, warnings, other = {}, [], []
    last = None
    for line in text.split("\n"):
        m = ARTICLE_ERROR.match(line)
        if m:
            last = int(m.group(1))
            errors[last] = m.group(2)
        elif line.startswith("claimtrack: warning:"):
            warnings.append(line)
            last = None
        elif last is not None and line and not line.startswith("claimtrack:") and not line.startswith("Error"):
            errors[last] += "\n" + line  # a message of several lines
        elif line.strip():
            other.append(line)
    return errors, warnings, other


class PartitionFailed(RuntimeError):
    pass


def extract_partition(records, *, binary_name, threads, yaml_dir, stems, bad):
    """Pipes (file index, line, text) records through claimtrack; yields claim lines.

    Bad articles are added to the accumulator `bad` as (file index, line, id,
    message). Raises PartitionFailed when claimtrack fails or when what came back
    does not account for every article sent.
    """
    local_bad = []  # found here, before claimtrack: (file index, line, id, message)

    def to_send():
        """(file index, line, bytes, expected id) of each line claimtrack gets."""
        for file_index, line, text in records:
            if not text.strip(ASCII_WS):
                continue
            data, expected, error = prepare(file_index, line, text, stems)
            if error is None:
                yield file_index, line, (data + "\n").encode("utf-8", "surrogatepass"), expected
            else:
                local_bad.append((file_index, line, None, error))

    lines = to_send()
    first = next(lines, None)
    if first is None:
        # Nothing to send (claimtrack would take an empty stdin for one empty article).
        if local_bad:
            bad.add(local_bad)
        return
    binary = executable(binary_name)
    jsonl_cmd = [binary, "extract", "-", "--format", "jsonl", "--quiet", "-j", str(threads)]
    procs = [subprocess.Popen(jsonl_cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)]
    if yaml_dir is not None:
        # --force: a retried task rewrites the files its first attempt wrote.
        yaml_cmd = [binary, "extract", "-", "-o", yaml_dir, "--force", "--quiet", "-j", str(threads)]
        procs.append(
            subprocess.Popen(yaml_cmd, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        )
    # Sent articles not yet matched to a claim file: (stdin line, file index, line, id).
    pending = deque()
    writer_error = []

    def write():
        try:
            for sent, (file_index, line, data, expected) in enumerate(itertools.chain([first], lines), 1):
                pending.append((sent, file_index, line, expected))
                for p in procs:
                    p.stdin.write(data)
        except BaseException as e:  # noqa: BLE001 - reported by the caller
            writer_error.append(e)
        finally:
            for p in procs:
                try:
                    p.stdin.close()
                except OSError:
                    pass

    stderr = [[] for _ in procs]
    workers = [threading.Thread(target=write, daemon=True)]
    for p, buf in zip(procs, stderr):
        workers.append(threading.Thread(target=lambda p=p, buf=buf: buf.append(p.stderr.read()), daemon=True))
    for t in workers:
        t.start()
    unaccounted = []  # stdin lines that gave no claim file
    try:
        for out in procs[0].stdout:
            try:
                got = json.loads(out)["article"]["id"]
            except (ValueError, TypeError, KeyError) as e:
                raise PartitionFailed(f"claimtrack printed a line that is not a claim file ({e}): {out[:200]!r}") from e
            while True:
                if not pending:
                    raise PartitionFailed(f"claimtrack wrote a claim file for {got!r}, which was not sent")
                entry = pending.popleft()
                if entry[3] == got:
                    break
                unaccounted.append(entry)
            yield out.rstrip(b"\n")
        for t in workers:
            t.join()
        for p in procs:
            p.wait()
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
                p.wait()
    unaccounted.extend(pending)
    if writer_error and not isinstance(writer_error[0], BrokenPipeError):
        raise writer_error[0]
    texts = [b"".join(buf).decode("utf-8", "replace") for buf in stderr]
    parsed = [parse_stderr(t) for t in texts]
    for name, p, text, (_, warnings, other) in zip(["jsonl", "yaml"], procs, texts, parsed):
        for w in warnings:
            print(w, file=sys.stderr)
        if p.returncode not in (0, 1) or other or writer_error:
            raise PartitionFailed(
                f"claimtrack ({name} run) exited with status {p.returncode}:\n{text.strip() or '(no message)'}"
            )
    errors = parsed[0][0]
    silent = sorted({e[0] for e in unaccounted} - set(errors))
    if silent:
        raise PartitionFailed(
            "claimtrack's output does not account for every article sent: no claim file and no error for "
            f"stdin lines {silent}:\n{texts[0]}"
        )
    if set(errors) != {e[0] for e in unaccounted}:
        raise PartitionFailed(f"claimtrack reported errors for articles it wrote claim files for:\n{texts[0]}")
    if len(parsed) > 1 and set(parsed[1][0]) != set(errors):
        raise PartitionFailed(f"the YAML run rejected other articles than the JSON run:\n{texts[1]}")
    found = local_bad + [(f, line, i, errors[k]) for k, f, line, i in unaccounted]
    if found:
        bad.add(found)


# ---------------------------------------------------------------------------
# On the driver


def hadoop(sc):
    jvm = sc._jvm
    return jvm, jvm.org.apache.hadoop.fs.Path, sc._jsc.hadoopConfiguration()


def expand_inputs(sc, inputs):
    """The files of `inputs` (files, directories, globs), sorted by path."""
    _, Path, conf = hadoop(sc)
    files = set()

    def walk(fs, status):
        if status.isDirectory():
            for child in fs.listStatus(status.getPath()):
                if not child.getPath().getName().startswith((".", "_")):
                    walk(fs, child)
        else:
            files.add(status.getPath().toString())

    for given in inputs:
        path = Path(given)
        fs = path.getFileSystem(conf)
        statuses = fs.globStatus(path)
        if not statuses:
            raise Usage(f"{given}: no such file or directory")
        for status in statuses:
            walk(fs, status)
    if not files:
        raise Usage(f"{' '.join(inputs)}: no files to read")
    return sorted(files)


def count_lines(it):
    """(lines, blank lines) of a partition."""
    n = blank = 0
    for text in it:
        n += 1
        if not text.strip(ASCII_WS):
            blank += 1
    yield n, blank


def display(path):
    return path[len("file:") :] if path.startswith("file:") else path


def stem(path):
    name = path.rstrip("/").rsplit("/", 1)[-1]
    return os.path.splitext(name)[0] or name


def failure_message(e):
    """The reason of a failed job: our PartitionFailed message when there is one."""
    text = str(e)
    marker = "PartitionFailed: "
    if marker in text:
        reason = text.split(marker, 1)[1]
        # The Java trace that follows the Python one starts with a tab.
        return reason.split("\n\tat ", 1)[0].strip()
    lines = [line.strip() for line in text.split("\n")]
    cause = [line for line in lines if re.match(r"^[\w.$]*(Exception|Error): ", line)]
    return cause[-1] if cause else next((line for line in lines if line), repr(e))


def run(args):
    binary = find_binary(args.binary)
    yaml_dir = check_yaml_dir(args.yaml_dir)
    try:
        from pyspark import AccumulatorParam, SparkConf, SparkContext
        from py4j.protocol import Py4JJavaError
    except ImportError as e:
        raise Usage(f"pyspark is not installed for {sys.executable} ({e}): pip install pyspark") from e

    local = (args.master or "local").startswith("local") and "PYSPARK_GATEWAY_PORT" not in os.environ
    if local:
        # In local mode the workers run this Python, and nothing listens beyond loopback.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    conf = SparkConf().setAppName("claimtrack extract")
    if args.master:
        conf.setMaster(args.master)
    conf.setIfMissing("spark.ui.showConsoleProgress", "false")

    class ListParam(AccumulatorParam):
        def zero(self, value):
            return []

        def addInPlace(self, a, b):
            a.extend(b)
            return a

    sc = SparkContext.getOrCreate(conf)
    try:
        jvm, Path, hconf = hadoop(sc)
        # Lines end at \n only, as claimtrack reads them (Hadoop would also end one at \r).
        hconf.set("textinputformat.record.delimiter", "\n")
        out = Path(args.output)
        out_fs = out.getFileSystem(hconf)
        if out_fs.exists(out):
            raise Usage(f"{args.output}: exists; give a new output path")
        files = expand_inputs(sc, args.inputs)
        stems = [stem(f) for f in files]
        parts = [sc.textFile(f) for f in files]
        lines = sc.union(parts) if len(parts) > 1 else parts[0]
        # Which file each partition reads, and where it starts: the line numbers
        # (and the ids they give) are fixed before any repartitioning.
        file_of = [i for i, rdd in enumerate(parts) for _ in range(rdd.getNumPartitions())]
        sizes = lines.mapPartitions(count_lines).collect()
        total = sum(n for n, _ in sizes)
        articles = total - sum(b for _, b in sizes)
        global_start, line_start = [], []
        seen_total, seen_in_file = 0, {}
        for p, (n, _) in enumerate(sizes):
            global_start.append(seen_total)
            line_start.append(seen_in_file.get(file_of[p], 0))
            seen_total += n
            seen_in_file[file_of[p]] = line_start[-1] + n

        def number(p, it):
            g, f, first = global_start[p], file_of[p], line_start[p]
            for i, text in enumerate(it):
                yield g + i, f, first + i + 1, text

        numbered = lines.mapPartitionsWithIndex(number)
        if args.partitions is not None and total > 0:
            n = args.partitions
            numbered = (
                numbered.map(lambda r: (r[0], r[1:]))
                .repartitionAndSortWithinPartitions(n, partitionFunc=lambda k: k * n // total)
                .values()
            )
        else:
            numbered = numbered.map(lambda r: r[1:])
        n_partitions = numbered.getNumPartitions()

        sc.addFile(binary)
        binary_name = os.path.basename(binary.rstrip("/"))
        threads = int(sc.getConf().get("spark.task.cpus", "1"))
        bad = sc.accumulator([], ListParam())

        def extract(it):
            return extract_partition(
                it, binary_name=binary_name, threads=threads, yaml_dir=yaml_dir, stems=stems, bad=bad
            )

        try:
            numbered.mapPartitions(extract).saveAsTextFile(args.output)
        except Py4JJavaError as e:
            # Nothing half-written is left: OUTPUT did not exist before.
            out_fs.delete(out, True)
            print(f"{PROG}: the Spark job failed: {failure_message(e)}", file=sys.stderr)
            return 2

        # A task run twice (a retried stage) reports its articles twice.
        found = sorted({(f, line): (f, line, i, msg) for f, line, i, msg in bad.value}.values(), key=lambda e: e[:2])
        report = []
        for f, line, i, msg in found:
            where = f"{display(files[f])}:{line}" + (f" [id {i}]" if i is not None else "")
            print(f"{PROG}: {where}: {msg}", file=sys.stderr)
            report.append(json.dumps({"file": display(files[f]), "line": line, "id": i, "error": msg}) + "\n")
        stream = out_fs.create(Path(args.output.rstrip("/") + "/_errors.jsonl"), True)
        stream.write(bytearray("".join(report).encode("utf-8")))
        stream.close()
        print(
            f"{PROG}: {articles} articles in {n_partitions} partitions: {articles - len(found)} claim files "
            f"written to {args.output}, {len(found)} bad" + (" (listed above and in _errors.jsonl)" if found else ""),
            file=sys.stderr,
        )
        return 1 if found else 0
    finally:
        sc.stop()


def main(argv=None):
    args = parse_args(argv)
    try:
        return run(args)
    except Usage as e:
        print(f"{PROG}: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
