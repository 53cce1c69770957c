// The bench's Batayan page: <batayan-apa-table> with the attributes of the query string, the way a
// portal page writes them (`?src=…&report-src=…&mode=report&period=Q2`). The loader's own script tag
// follows this one in `apa.html`, so it is fetched at once and runs after this.
const params = new URLSearchParams(location.search);
const element = document.createElement('batayan-apa-table');
element.id = 'apa';
for (const [name, value] of params) element.setAttribute(name, value);
document.getElementById('page').append(element);
