// The bench's Batayan page: <batayan-apa-table> with the attributes of the query string, the way a
// portal page writes them (`?src=…&report-src=…&mode=report&period=Q2`), then the one script tag.
const params = new URLSearchParams(location.search);
const element = document.createElement('batayan-apa-table');
element.id = 'apa';
for (const [name, value] of params) element.setAttribute(name, value);
document.getElementById('page').append(element);
import('/batayan/batayan.js');
