"""How data/nprz/2024/interventies.csv was made (provenance; not run by the project).

Usage: python interventies_extract.py <nprz-voortgangsrapportage-2024.txt> <interventies.csv>
"""
import sys, re, csv, json
L = open(sys.argv[1], encoding='utf-8').read().split('\n')
RANGES = {'thuisbasis': (1611, 2582, 19), 'school': (2583, 3938, 29), 'werk': (3939, 5218, 35), 'wonen': (5219, 6464, 20), 'veilig': (6465, 7060, 18)}
pat = re.compile(r'^\s{0,2}(\d{1,2})(?: ([a-z]))?(?: (.*))?$')
items = []
for pijler, (a, b, total) in RANGES.items():
    expected = 1
    for i in range(a - 1, b):
        m = pat.match(L[i])
        if not m:
            continue
        n = int(m.group(1))
        rest = (m.group(3) or '').strip()
        if not (expected <= n <= expected + 1):
            continue
        if rest and not (rest[0].isupper() or rest[0] in '‘\'“(') :
            continue
        # name block: this line + following non-blank lines (max 4)
        block = [rest] if rest else []
        j = i + 1
        while j < b and L[j].strip() and len(block) < 5:
            block.append(L[j].strip()); j += 1
        items.append({'pijler': pijler, 'nummer': n, 'regel': i + 1, 'blok': block})
        expected = n + 1
    print(pijler, expected - 1, 'of', total)

OVERRIDE = {
 ('thuisbasis',3):'Welzijnswerk op scholen', ('thuisbasis',4):'Welzijn op recept op Zuid',
 ('school',1):'Segregatie op de scholen', ('school',12):'Structureel aanbieden en organiseren van afgesproken lob-activiteiten op alle scholen in Rotterdam Zuid', ('school',6):'Stabiele begrotingen', ('school',13):'Ontdekken en ervaren',
 ('school',14):'Reflecteren en kiezen', ('school',17):'Weerbaarheid', ('school',22):'Voorkomen uitval',
 ('school',23):'Aansluiting po-vo versterken', ('school',26):'Show Your Talent',
 ('werk',5):'Ontwikkeling bijstandsbestand G4 en NPRZ vanaf 2019', ('werk',6):'Datagedreven werken', ('werk',9):'Verlaging caseloads',
 ('werk',10):'Video-pitches', ('werk',12):'Aan de slag met LKS', ('werk',13):'Werkstation op Zuid',
 ('werk',14):'Voorkomen instroom vanuit WW', ('werk',18):'Werkweekagenda', ('werk',19):'Hand-in-hand',
 ('werk',20):'Inkomenszekerheid naar Werk', ('werk',21):'Bemiddeling', ('werk',22):'Experiment met kinderopvang',
 ('werk',24):'Verzuimaanpak', ('werk',25):'Meedoen met fraudeacties', ('werk',26):'Handhaving', ('werk',27):'Social Return',
 ('werk',28):'Dutch Fresh Port', ('werk',29):'BBL klassen',
 ('wonen',7):'SROI-woningcorporaties', ('wonen',11):'Duurzaamheid woningvoorraad', ('wonen',12):'Kwaliteit buitenruimte',
 ('wonen',14):'Intensief beheer en sturen op instroom', ('wonen',15):'Goed verhuurderschap',
 ('wonen',16):'Project (Ver)huren in Carnisse', ('wonen',19):'WBGMP (Wet bijzondere maatregelen grootstedelijke problematiek), vestigingsbeleid',
 ('veilig',6):'Project rechtsbijstand', ('veilig',8):'Hartcore – Samenwerking', ('veilig',9):'Hartcore – Draaiknop Jeugd',
 ('veilig',10):'Ondermijning', ('veilig',12):'Kwetsbare branches', ('veilig',13):'Herbestemmen',
}
NUMMER_TEKST = {('wonen',17):'17 b'}
FIN = re.compile(r'^(regio ?deal( middelen)?)$', re.I)
def join(lines):
    out = ''
    for l in lines:
        if not out:
            out = l; continue
        if out.endswith('-') and not out.endswith(' -') and not re.search(r'\d-$', out):
            out = out[:-1] + l
        else:
            out = out + ' ' + l
    return re.sub(r'\s+', ' ', out).strip()
rows = []
for k, it in enumerate(items, 1):
    key = (it['pijler'], it['nummer'])
    block = list(it['blok'])
    fin = [b for b in block if FIN.match(b.strip())]
    block = [b for b in block if not FIN.match(b.strip())]
    naam = OVERRIDE.get(key) or join(block)
    rows.append({'pijler': it['pijler'], 'volgorde': k, 'nummer': NUMMER_TEKST.get(key, str(it['nummer'])), 'naam': naam,
                 'initiatiefnemer': '', 'financiering': 'Regio Deal middelen' if fin else '',
                 'kleur_2023': '', 'kleur_2024': '', 'trend': '', 'gestopt_in_tekst': 'false',
                 'bron_regels': str(it['regel'])})
# stopped activities: the text says so near the item
starts = [int(r['bron_regels']) for r in rows] + [7060]
for r, a, b in zip(rows, starts, starts[1:]):
    b = b if b > a else a + 80
    text = ' '.join(L[a-1:b-1]).lower()
    if re.search(r'activiteit (is )?gestopt|activiteiten (zijn )?gestopt|is deze (activiteit|dienstverlening) gestopt|dienstverlening gestopt', text):
        r['gestopt_in_tekst'] = 'true'
    r['bron_regels'] = f"{a}-{b-1}"
with open(sys.argv[2], 'w', newline='', encoding='utf-8') as f:
    w = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator='\n'); w.writeheader(); w.writerows(rows)
from collections import Counter
print(Counter(r['pijler'] for r in rows), len(rows), sum(r['gestopt_in_tekst']=='true' for r in rows))
