import { repairOfficeWords, postStartRepaired } from 'src/thai/office-words.js';
for (const t of process.argv.slice(2)) console.log(t, JSON.stringify(repairOfficeWords(t)), postStartRepaired(t));
