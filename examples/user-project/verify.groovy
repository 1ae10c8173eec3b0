// Checks the example user project's five builds (invoker.properties) in their shared build.log, the site of the
// first, and that vae:check printed exactly the checks judgement.json holds.
import groovy.json.JsonSlurper
import java.util.regex.Pattern

def log = new File(basedir, 'build.log').getText('UTF-8')

// The console may not be UTF-8 (a POSIX locale prints '?'): match each non-ASCII character loosely.
def loosely = { String text ->
    Pattern.compile(text.collect { it.charAt(0) < 128 ? Pattern.quote(it) : '.{1,3}' }.join(''))
}
def expect = { String text, String what ->
    assert loosely(text).matcher(log).find() : "build.log lacks ${what}: ${text}"
}

// 1. As committed: the gate passes through vae:check and through the test class.
assert (log =~ /vae: gate of suite mine \(\d+ checks, 0 failed\)/).find() : 'vae:check did not pass the committed project'
assert (log =~ /Tests run: \d+, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: [\d.]+ s -- in com.example.results.ResultsGateIT/).find() :
        'the test class did not pass the committed project'
expect('pass  recorded-verdict  ae-d8 › PSNR › matches 11.880 (11.882 ± 0.053, 5 seeds), as recorded', 'the matching PSNR cell')
// ... and mvn site shows what the gate decided, the verdicts and the baseline rows.
def site = new File(basedir, 'target/site/vae-results.html')
assert site.isFile() : 'mvn site wrote no VAE results page'
def html = site.getText('UTF-8')
assert html.contains('What the gate decided') && html.contains('so it <b class="gate-pass">passes</b>') : 'the site does not show the gate'
assert (html =~ /ae-d8\/seed-1 \u203a PSNR 11\.908 within 11\.908 \u00b1 0\.250/).find() : 'the site lacks a baseline row'
assert html.contains('<span class="verdict-matches">matches</span>') : 'the site lacks the verdict table'
assert new File(basedir, 'target/site/vae/mine/index.html').isFile() : 'the full page was not copied to the site'

// 2 and 3. Our reported PSNR moved 1.1 dB: the test class and vae:check each fail, naming the cell.
expect('ae-d8 › PSNR › misses 13.000 (11.882 ± 0.053, 5 seeds), recorded matches', 'the test class naming the moved cell')
expect('FAIL  recorded-verdict  ae-d8 › PSNR › misses 13.000 (11.882 ± 0.053, 5 seeds), recorded matches', 'vae:check naming the moved cell')

// 4 and 5. One baseline entry moved 1 dB: each fails naming the row, its window and how to record it again.
expect('ae-d8/seed-2 › PSNR 11.908 outside 12.908 ± 0.250', 'the moved baseline row')
expect('FAIL  baseline  ae-d8/seed-2 › PSNR 11.908 outside 12.908 ± 0.250', 'vae:check naming the moved row')
assert log.contains('mvn vae:baseline -Dvae.suite=') : 'no failure says how to record the baseline again'

// A quiet console in a project without logging configuration (no .mvn/jvm.config; invoker's mavenOpts has none): the
// goals turn off ND4J's start-up banner and its "Duplicate TF op mapping" notices themselves, workers included.
assert !log.contains('Duplicate TF op mapping') : "ND4J's op-mapping notices reached the user's console"
assert !log.contains('Loaded [CpuBackend] backend') : "ND4J's start-up banner reached the user's console"

// Every check of the last build's judgement.json is a line vae:check printed.
def judgement = new JsonSlurper().parse(new File(basedir, 'target/vae/mine/judgement.json'), 'UTF-8')
assert judgement.format.kind == 'vae-repro-judgement' && judgement.format.version == 1
assert judgement.gate.baselineFile == 'baselines/moved-entry.json'
assert judgement.gate.checks.size() > 10
judgement.gate.checks.each { check ->
    expect((check.passed ? 'pass  ' : 'FAIL  ') + check.kind + '  ' + check.name, "the vae:check line of ${check.name}")
}
assert judgement.gate.checks.count { !it.passed } == 1 : 'only the moved row fails'
return true
