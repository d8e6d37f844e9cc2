//! Writes are atomic: a failed, killed or concurrent `extract -o` never
//! leaves a half-written or interleaved claim file.

use assert_cmd::Command;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_claimtrack"))
}

/// An article with `n` attributed claims; `salt` varies the wording.
fn article(n: usize, salt: &str) -> String {
    let mut s = String::from("date 2025-04-16 Border talks\n\n");
    for i in 0..n {
        s.push_str(&format!(
            "Pakistan maintains that armed group {salt}{i} operates from Afghan soil. \
             Afghan officials denied that group {salt}{i} was in Afghanistan.\n\n"
        ));
    }
    s
}

fn write_articles(dir: &Path, count: usize, claims: usize, salt: &str) {
    std::fs::create_dir_all(dir).unwrap();
    for i in 0..count {
        std::fs::write(dir.join(format!("art-{i:03}.txt")), article(claims, salt)).unwrap();
    }
}

fn yaml_files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    v.sort();
    v
}

fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".claimtrack-"))
        .collect()
}

#[test]
fn file_size_limit_leaves_previous_file_and_names_it() {
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("a.txt");
    let out = tmp.path().join("out");
    std::fs::write(&src, article(1, "x")).unwrap();
    Command::new(bin())
        .args(["extract", "-o"])
        .arg(&out)
        .arg(&src)
        .assert()
        .success();
    let target = out.join("a.yaml");
    let before = std::fs::read_to_string(&target).unwrap();
    // A much longer article: its claim file is far over the 4 KiB limit.
    std::fs::write(&src, article(60, "y")).unwrap();
    let script = format!(
        "ulimit -f 4 && exec '{}' extract --force -o '{}' '{}'",
        bin().display(),
        out.display(),
        src.display()
    );
    let output = std::process::Command::new("bash")
        .args(["-c", &script])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "stderr: {stderr}");
    assert!(
        stderr.contains(&format!("{}: could not write", target.display())),
        "the error names the file: {stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(&target).unwrap(),
        before,
        "previous file intact"
    );
    assert!(
        leftovers(&out).is_empty(),
        "temporary file removed: {:?}",
        leftovers(&out)
    );
}

/// A directory the run may not write to. Root ignores directory
/// permissions, and CI runs as root, so there the run is made as the user
/// `nobody` (uid 65534), from a copy of the binary it can reach, to whom the
/// root-owned directory is read-only; anyone else gets a 0555 directory.
/// Either way the run must fail: nothing here is skipped.
#[cfg(unix)]
#[test]
fn read_only_directory_leaves_previous_file_and_names_it() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    use std::os::unix::process::CommandExt;
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("a.txt");
    let out = tmp.path().join("out");
    std::fs::write(&src, article(1, "x")).unwrap();
    Command::new(bin())
        .args(["extract", "-o"])
        .arg(&out)
        .arg(&src)
        .assert()
        .success();
    let target = out.join("a.yaml");
    let before = std::fs::read_to_string(&target).unwrap();
    std::fs::write(&src, article(3, "y")).unwrap();
    let root = std::fs::metadata(&src).unwrap().uid() == 0;
    let mut cmd = if root {
        std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        let exe = tmp.path().join("claimtrack");
        if std::fs::hard_link(bin(), &exe).is_err() {
            std::fs::copy(bin(), &exe).unwrap();
        }
        let mut c = std::process::Command::new(exe);
        c.uid(65534).gid(65534);
        c
    } else {
        std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o555)).unwrap();
        std::process::Command::new(bin())
    };
    let output = cmd
        .args(["extract", "--force", "-o"])
        .arg(&out)
        .arg(&src)
        .output()
        .unwrap();
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o755)).unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "as root: {root}: {stderr}");
    assert!(
        stderr.contains(&format!("{}: could not write: Permission denied", target.display())),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&target).unwrap(), before);
    assert!(leftovers(&out).is_empty());
}

#[test]
fn concurrent_extracts_never_interleave_a_file() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    // Same stems, different texts: each output file must be wholly one or the other.
    write_articles(&a, 40, 3, "alpha");
    write_articles(&b, 40, 5, "beta");
    let (ref_a, ref_b) = (tmp.path().join("ref-a"), tmp.path().join("ref-b"));
    for (src, dst) in [(&a, &ref_a), (&b, &ref_b)] {
        Command::new(bin())
            .args(["extract", "-o"])
            .arg(dst)
            .arg(src)
            .assert()
            .success();
    }
    for force in [false, true] {
        let out = tmp.path().join(format!("out-{force}"));
        std::fs::create_dir_all(&out).unwrap();
        let spawn = |src: &Path| {
            let mut c = std::process::Command::new(bin());
            c.args(["extract", "-o"]).arg(&out).arg(src);
            if force {
                c.arg("--force");
            }
            c.stdout(Stdio::null()).stderr(Stdio::piped()).spawn().unwrap()
        };
        let (pa, pb) = (spawn(&a), spawn(&b));
        let (oa, ob) = (pa.wait_with_output().unwrap(), pb.wait_with_output().unwrap());
        let refused = |o: &std::process::Output| String::from_utf8_lossy(&o.stderr).matches("already exists").count();
        let files = yaml_files(&out);
        assert_eq!(files.len(), 40);
        for f in &files {
            let name = f.file_name().unwrap();
            let got = std::fs::read(f).unwrap();
            let (ya, yb) = (
                std::fs::read(ref_a.join(name)).unwrap(),
                std::fs::read(ref_b.join(name)).unwrap(),
            );
            // The `text:` path differs only in the directory name; compare after removing it.
            let norm = |v: &[u8]| {
                String::from_utf8_lossy(v)
                    .replace("../a/", "../X/")
                    .replace("../b/", "../X/")
            };
            let (g, x, y) = (norm(&got), norm(&ya), norm(&yb));
            assert!(g == x || g == y, "{} is neither run's whole output:\n{g}", f.display());
        }
        if !force {
            assert_eq!(
                refused(&oa) + refused(&ob),
                40,
                "each file written once, the other run refused"
            );
        }
        assert!(leftovers(&out).is_empty());
    }
}

#[test]
fn kill_during_extract_leaves_only_complete_files() {
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("articles");
    // Enough work that a kill within 420 ms lands mid-run even in a release
    // build (300 articles took 0.14 s there).
    write_articles(&src, 3000, 4, "k");
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .subsec_nanos() as u64;
    let mut killed_mid_run = 0;
    for round in 0..4u64 {
        let out = tmp.path().join(format!("out-{round}"));
        let mut child = std::process::Command::new(bin())
            .args(["extract", "-o"])
            .arg(&out)
            .arg(&src)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // A pseudo-random delay between 20 and 420 ms.
        let delay = 20
            + (seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(round * 1442695040888963407)
                >> 33)
                % 400;
        let start = Instant::now();
        while start.elapsed() < Duration::from_millis(delay) {
            std::thread::sleep(Duration::from_millis(5));
        }
        child.kill().unwrap(); // SIGKILL on Unix
        let status = child.wait().unwrap();
        if !status.success() {
            killed_mid_run += 1;
        }
        if !out.exists() {
            continue;
        }
        let files = yaml_files(&out);
        for f in &files {
            let text = std::fs::read_to_string(f).unwrap();
            let parsed = serde_yaml::from_str::<claimtrack::claim::ClaimFile>(&text);
            assert!(parsed.is_ok(), "{} is not a complete claim file", f.display());
        }
        if !files.is_empty() {
            Command::new(bin()).arg("check").arg(&out).assert().success();
        }
        eprintln!("round {round}: killed after {delay} ms, {} complete files", files.len());
    }
    assert!(killed_mid_run > 0, "at least one run was killed before it finished");
}
