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
    assert result.provenance.trainChecksum.size() == 64
    assert result.provenance.seed == 5
}
assert new File(out, 'vae-d2/samples.png').isFile()
assert new File(out, 'vae-d2/manifold.png').isFile()
def page = new File(out, 'index.html').text
assert page.contains('vae-d2') && page.contains('ae-d3') && page.contains('13.392')
def baseline = new JsonSlurper().parse(new File(basedir, 'target/baseline-tiny.json'))
assert baseline.experiments.keySet() == ['ae-d3', 'vae-d2'] as Set
def log = new File(basedir, 'build.log').text
assert log.contains('[vae-d2] epoch 1 step 4/8')
assert log.contains('already trained')
return true
