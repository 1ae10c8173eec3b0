// Checks what the real goals left behind: models, metrics with provenance, pictures, the page, a baseline.
import groovy.json.JsonSlurper

def out = new File(basedir, 'target/vae/tiny')
for (id in ['vae-d2', 'ae-d3']) {
    for (name in ['model.zip', 'checkpoint.ckpt', 'training.json', 'metrics.json', 'reconstructions.png', 'latent.png']) {
        def f = new File(out, "$id/$name")
        assert f.isFile() && f.length() > 0 : "missing $f"
    }
    def result = new JsonSlurper().parse(new File(out, "$id/metrics.json"))
    assert result.metrics.testImages == 200
    assert result.metrics.psnr > 5 && result.metrics.psnr < 40 : "implausible PSNR ${result.metrics.psnr}"
    assert result.metrics.lpipsByPolicy.keySet() == ['resize', 'pad'] as Set
    assert result.format.kind == 'vae-repro-metrics' && result.format.version == 2
    assert result.provenance.data.train.sha256.size() == 64
    assert result.provenance.data.test.images == 200
    assert result.provenance.training.seed == 5
    assert result.provenance.environment.threads > 0
    assert result.provenance.source.gitCommit.size() == 40 : "source commit ${result.provenance.source.gitCommit}"
}
assert new File(out, 'vae-d2/samples.png').isFile()
assert new File(out, 'vae-d2/manifold.png').isFile()
def page = new File(out, 'index.html').text
assert page.contains('vae-d2') && page.contains('ae-d3') && page.contains('13.392')
def baseline = new JsonSlurper().parse(new File(basedir, 'target/baseline-tiny.json'))
assert baseline.experiments.keySet() == ['ae-d3', 'vae-d2'] as Set
assert baseline.format.kind == 'vae-repro-baseline' && baseline.format.version == 4
assert baseline.experiments['vae-d2'].trainedAs.epochs > 0 : 'a baseline records how its runs were trained'
def exported = new JsonSlurper().parse(new File(basedir, 'target/export/runs.json'))
assert exported.format.kind == 'vae-repro-current-runs' && exported.format.version == 1
assert exported.runs*.experiment as Set == ['vae-d2', 'ae-d3'] as Set : "current runs exported: ${exported.runs}"
assert exported.runs.every { new File(it.folder, 'metrics.json').isFile() && !it.snapshot }
def log = new File(basedir, 'build.log').text
assert log.contains('[vae-d2] epoch 1 step 4/8')
assert log.contains('already trained')
// A quiet console without any logging options (invoker's mavenOpts has none): progress and results, no ND4J
// start-up banner (from the Maven JVM or a worker), no op-mapping notices, no SLF4J binding warning.
assert !log.contains('Duplicate TF op mapping') : 'ND4J op-mapping warnings reached the console'
assert !log.contains('Loaded [CpuBackend] backend') : "ND4J's start-up banner reached the console"
assert log.contains('workers: 2 worker JVM(s) x 1 thread(s)') : 'training ran in worker JVMs, whose console this checks'
assert new File(basedir, 'target/vae-serial/tiny/ae-d3/model.zip').isFile() : 'a run trained in the Maven JVM'
assert !log.contains('StaticLoggerBinder') : 'SLF4J binding warning reached the console'
return true
