// Save files the way Decap CMS 3 does when an editor saves without changing anything: parse the front matter
// with gray-matter and `yaml` (the versions decap-cms-core pins, from node_modules), then write it back with
// yaml's default options and the keys in the collection's field order. Body and trailing newline are kept, as
// decap-cms-core's frontmatter formatter keeps them.
//
// usage: node resave.js KEY1,KEY2,... FILE...   (.yml files: a registry, written as Decap writes a data file)   (prints a JSON object: file -> text Decap would write)
'use strict';
const path = require('path');
const root = path.resolve(__dirname, '..', '..', 'node_modules', 'decap-cms-core');
const load = name => require(require.resolve(name, { paths: [root] }));
const yaml = load('yaml');
const matter = load('gray-matter');
const fs = require('fs');

const [order, ...files] = process.argv.slice(2);
const sortedKeys = order ? order.split(',') : [];

function rank(key) {
  const index = sortedKeys.indexOf(key);
  return index;
}

const engine = {
  parse: text => {
    const doc = yaml.parseDocument(text, { prettyErrors: true });
    if (doc.errors.length) throw new Error(doc.errors.map(e => e.message).join('\n'));
    return doc.toJSON();
  },
  stringify: data => {
    const contents = yaml.createNode(data);
    contents.items.sort((a, b) => {
      const [ia, ib] = [rank(a.key && a.key.toString()), rank(b.key && b.key.toString())];
      if (ia === -1 || ib === -1) return 0;
      return ia - ib;
    });
    const doc = new yaml.Document();
    doc.contents = contents;
    return doc.toString();
  },
};

const out = {};
for (const file of files) {
  const text = fs.readFileSync(file, 'utf8');
  if (file.endsWith('.yml')) {  // a file collection's data file: yaml alone, no front-matter delimiters
    out[file] = engine.stringify(engine.parse(text));
    continue;
  }
  const parsed = matter(text, { engines: { yaml: engine }, language: 'yaml', delimiters: '---' });
  const body = parsed.content;
  let written = matter.stringify(body, parsed.data, { engines: { yaml: engine }, language: 'yaml', delimiters: '---' });
  if (body.slice(-1) !== '\n' && written.slice(-1) === '\n') written = written.slice(0, -1);
  out[file] = written;
}
process.stdout.write(JSON.stringify(out));
