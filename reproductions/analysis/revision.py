"""What the analysis scripts share: a git revision's suite files and results extracted with git archive, and a
vae-maven-plugin goal run on a suite (which decides, through RunStatus and regression, which runs count and what
their statistics are). Run from the repository root after `mvn -B install -DskipTests`."""
import pathlib
import subprocess
import sys

SUITES = 'reproductions/suites'
RESULTS = 'reproductions/results'


def extract(revision, results, tree):
    """Extracts the suite files and the results folder of one suite (`results`, e.g. 'seed-tables') as committed at
    `revision` into the folder `tree`; returns (suites folder, output folder) there."""
    archive = subprocess.run(['git', 'archive', revision, SUITES, f'{RESULTS}/{results}'], capture_output=True)
    if archive.returncode != 0:
        sys.exit(f'git archive {revision} {SUITES} {RESULTS}/{results} failed:\n{archive.stderr.decode()}')
    subprocess.run(['tar', '-x', '-C', str(tree)], input=archive.stdout, check=True)
    return pathlib.Path(tree, SUITES).resolve(), pathlib.Path(tree, RESULTS).resolve()


def goal(name, **properties):
    """Runs `mvn -pl reproductions vae:<name>` with each property as -Dvae.<key>=<value>; exits on failure."""
    arguments = ['mvn', '-B', '-q', '-pl', 'reproductions', f'vae:{name}']
    arguments += [f'-Dvae.{key}={value}' for key, value in properties.items()]
    done = subprocess.run(arguments, stdin=subprocess.DEVNULL, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f'{" ".join(arguments)} failed:\n{done.stdout}{done.stderr}')
