# The AWS CLI's own output formatters, for test/node/cli-output.test.ts: reads
# a JSON list of [kind, title, response, query-or-null] on stdin, writes the
# JSON list of what `aws ... --output <kind> [--query <query>]` prints.
import argparse, io, json, sys
import jmespath
from awscli.formatter import TableFormatter, TextFormatter

results = []
for kind, title, response, query in json.load(sys.stdin):
    args = argparse.Namespace(query=jmespath.compile(query) if query else None, color='off', output=kind)
    out = io.StringIO()
    (TextFormatter if kind == 'text' else TableFormatter)(args)(title, response, out)
    results.append(out.getvalue())
json.dump(results, sys.stdout)
