# attain, italiano (Italia)

## Avvisi del rapporto di valutazione (org-file.md)
alert-renewal-at-risk = A seguito di una recente modifica al processo di acquisizione delle competenze, potresti non essere idoneo al rinnovo dell'appartenenza
alert-renewal-window-open = La finestra di rinnovo è aperta: rinnova prima che si chiuda per mantenere i vantaggi
alert-renewal-reminder = L'appartenenza è in scadenza: ricordati di rinnovarla
alert-membership-lapsed = L'appartenenza è scaduta: vantaggi e competenze non sono più visualizzati
alert-association-pending = { $employee } ha { $credentials }, che non contano ancora: l'associazione manca o ha meno di 24 ore
alert-credential-expiring = { $credentials } di { $employee } smette di contare il { $date }
alert-override-ending = L'eccezione su { $competencies } termina: dal { $date } vale di nuovo il livello calcolato
alert-designation-at-risk = Entro { $n } giorni, certificazioni in scadenza o persone in uscita porterebbero questa designazione sotto i criteri di qualificazione
alert-certification-expiring = Una certificazione che conta per una designazione Solutions Partner smetterà di contare
alert-designation-figure-missing = Una metrica di questa designazione non ha valori in vigore e vale 0
alert-designation-catalog-stale = Le regole Solutions Partner in uso sono state verificate il { $checked_on }; potrebbero non essere aggiornate

## Avvertenze sui dati
warning-achievement-after-retirement = { $employee } ha superato { $credentials } dopo il ritiro della certificazione: non conta mai
warning-renewal-ineligible = Il rinnovo del { $date } è registrato ma in quel momento nessuna competenza era idonea
warning-cloud-revenue-exceeds-total = Il nuovo fatturato cloud supera il fatturato operativo totale per il periodo che termina il { $date }
warning-certification-expiry-unknown = { $employee } ha { $credentials } senza data di scadenza: attain la considera senza scadenza

## Rapporto testuale
text-as-of = Alla data
text-organisation = Organizzazione
text-competency = Competenza
text-level = Livello
text-displayed = Visualizzato
text-designations = Designazioni Solutions Partner ({ $snapshot })
text-designation-not-credited = Certificazioni delle designazioni che non contano
text-qualified = qualificata
text-attained = raggiunta nella finestra
text-yes = sì
text-no = no
spp-track-enterprise = enterprise
spp-track-smb = PMI
spp-metric-net_customer_adds = Nuovi clienti netti
spp-metric-intermediate = Competenze: intermedio
spp-metric-advanced = Competenze: avanzato
spp-metric-usage_growth = Crescita dell'utilizzo
spp-metric-deployments = Distribuzioni
text-override = eccezione
text-option = Opzione
text-met = soddisfatto
text-not-met = non soddisfatto
text-missing = mancano
text-membership = Appartenenza
text-tier = Livello di appartenenza
text-status = Stato
text-anniversary = Anniversario
text-renewal-window = Finestra di rinnovo
text-can-upgrade = Può passare a
text-alerts = Avvisi
text-not-credited = Certificati ma non accreditati
text-warnings = Avvertenze sui dati
text-none = nessuno
level-none = nessuno
level-silver = Silver
level-gold = Gold

tier-none = nessuno
tier-action-pack = Action Pack
tier-silver = Silver
tier-gold = Gold
status-none = nessuno
status-active = attiva
status-renewal-window = finestra di rinnovo aperta
status-lapsed = scaduta
reason-retired = ritirato
reason-expired = scaduto
reason-inactive = inattivo
reason-left = ha lasciato l'organizzazione
reason-dissociated = associato a un'altra organizzazione
reason-not-associated = non associato
reason-sync-delay = in attesa della sincronizzazione di 24 ore
reason-already-used = già usato per il Gold di { $competency }

## Finestra
panel-organisations = Organizzazioni
panel-employees = Dipendenti
panel-achievements = Certificazioni
panel-competencies = Percorsi di competenza
panel-membership = Appartenenza
panel-timeline = Cronologia
top-organisation = Organizzazione
top-as-of = Alla data
top-now = Oggi
top-apply-date = Valuta
top-language = Lingua
top-loading = Apertura dell'organizzazione…
top-undo = Annulla
top-undo-hint = Annulla l'ultima modifica (Ctrl+Z)
top-evaluating = Valutazione in corso…
panel-evaluating = { $count ->
    [one] Valutazione di una persona in corso…
   *[other] Valutazione di { $count } persone in corso…
}
status-dismiss = Chiudi
button-cancel = Annulla
button-close = Chiudi
button-save = Salva
error-date = "{ $value }" non è una data (usa AAAA-MM-GG o il formato mostrato)
notice-exported = Esportato in { $file }
notice-loaded = Caricato { $file }
notice-loaded-renamed = Caricato { $file } come «{ $name }»: un'organizzazione con quel nome era già nello spazio di lavoro
notice-crashed = L'ultima volta attain si è chiuso in modo imprevisto. Un rapporto è stato salvato in { $file }
gui-cannot-open = attain non può aprire lo spazio di lavoro
drop-one-file = Trascina un file alla volta: non è stato aperto nulla.
drop-unsupported = attain non può leggere { $file }: trascina un file di utenti o un'esportazione Trainings o Credly (CSV o testo), oppure un file di organizzazione (.org.ron). Una cartella di lavoro va prima salvata come CSV.
error-worker-stopped = Un'attività in background si è interrotta inaspettatamente; nulla di ciò che stava facendo è stato salvato.
notice-worker-crashed = Un'attività in background non è riuscita ed è stata fermata; attain continua. Un rapporto è stato salvato in { $file }
notice-undone = Annullato: { $change }
impact-drop = { $competency } passerebbe da { $from } a { $to }
impact-drop-on = { $competency } passerebbe da { $from } a { $to } il { $date }
impact-computing = Calcolo di cosa cambia…
list-more = … e altri { $count }
impact-none = Nessun livello di competenza cambia.

alerts-title = Avvisi ({ $count })
alerts-none = Nessun avviso.
alerts-more = +{ $count } altri
code-renewal-at-risk = Rinnovo a rischio
code-renewal-window-open = Finestra di rinnovo aperta
code-renewal-reminder = Promemoria di rinnovo
code-membership-lapsed = Appartenenza scaduta
code-association-pending = Associazione in sospeso
code-credential-expiring = Certificazione in scadenza
code-override-ending = Eccezione in scadenza
code-designation-at-risk = Designazione a rischio
code-certification-expiring = Certificazione in scadenza
code-designation-figure-missing = Valore di designazione mancante
code-designation-catalog-stale = Regole delle designazioni da ricontrollare

employees-find = Cerca
employees-find-hint = nome, email, id o MCID (Ctrl+F)
employees-new-name = Nome completo
employees-new-email = Email
employees-add = Aggiungi dipendente
employees-add-invalid = Un nuovo dipendente richiede nome completo e indirizzo email
employees-col-id = Id
employees-col-name = Nome
employees-col-email = Email
employees-col-mcid = MCID
employees-col-achievements = Certificazioni
employees-col-status = Stato
employees-status-left = uscito il { $date }
employees-status-moved = passato a un'altra organizzazione il { $date }
employees-status-associated = associato il { $date }
employees-status-not-associated = non associato
employees-open-achievements = Certificazioni…
employees-user-account = Crea account utente
employees-user-name = Nome utente: { $upn }
employees-reset-password = Reimposta password
employees-reset-title = Reimpostare la password di { $upn }?
employees-reset-body = Una nuova password temporanea sostituisce quella attuale, che smette di funzionare. Viene mostrata una sola volta.
employees-remove = Rimuovi dipendente
employees-remove-title = Rimuovere { $name }?
employees-date = Data
employees-associate = Associa MCID
employees-dissociate = Dissocia
employees-dissociate-title = Dissociare { $name } il { $date }? I suoi risultati smettono di contare qui.
employees-mcid-needed = Inserisci prima l'identificativo di certificazione (MCID)
employees-mcid-taken = { $name } in questa organizzazione ha già l'MCID { $mcid }
employees-mcid-move-title = Spostare questo MCID da { $org }?
employees-mcid-move-body = { $name } in { $org } è associato a { $mcid }. Un MCID appartiene a una sola organizzazione alla volta: associarlo qui lo separa da lì, e { $org } smette di contare i risultati di quella persona.
employees-mcid-move = Associa qui
employees-mark-leaver = Segna come uscito
employees-unmark-leaver = Non è uscito
employees-leaver-title = { $name } esce il { $date }

achievements-pick = Scegli un dipendente nel pannello Dipendenti.
achievements-col-credential = Certificazione
achievements-col-title = Titolo
achievements-col-passed = Superato il
achievements-col-expires = Scade
achievements-col-retires = Ritirato
achievements-retires-grace = { $retires }, proroga fino al { $until }
achievements-col-until = Vale fino al
achievements-col-status = Stato
achievements-counts = conta
achievements-remove = Rimuovi certificazione
achievements-remove-title = Rimuovere { $credential }?
achievements-add-title = Aggiungi una certificazione
achievements-search = Numero d'esame o titolo
achievements-expires = Scade il (facoltativo)
achievements-add = Aggiungi { $credential }
achievements-add-pick = Scegli una certificazione

competency-no-level = livello non previsto
competency-people = Persone
competency-not-counting = Possedute ma non conteggiate:
competency-used-elsewhere = Non conteggiati per il Gold qui (le persone non sono riutilizzate tra competenze):
competency-not-listed = { $count } persone hanno solo certificazioni che questa competenza non elenca
pci-customer-engagement = PCI Customer Engagement
pci-finance-operations = PCI Finance and Operations

membership-purchased = Acquistata il
membership-year = Anno di appartenenza
membership-upgrade = Passa a { $tier }
membership-discount = Sconto del 25 % da Silver a Gold finché dura l'anno Silver
membership-buy-action-pack = Acquista Action Pack
membership-renew = Rinnova
membership-renew-outside = Il rinnovo è possibile solo nella finestra di rinnovo
membership-renew-ineligible = Nessuna competenza è idonea per questo livello: il rinnovo non è possibile
membership-auto-renew = Rinnovo automatico
membership-profile = Profilo aziendale
membership-profile-hint = Le competenze mostrate ai clienti al livello attuale
membership-overrides = Eccezioni sui risultati
membership-override-active = attiva
membership-override-inactive = non attiva
membership-override-reverts-to = dal { $date }: { $level } (ottenuto)
membership-override-reverts = dal { $date }: il livello ottenuto
membership-override-remove = Rimuovi eccezione
membership-override-exemption = Solo esenzione dai requisiti di competenza
membership-override-starts = Inizio
membership-override-ends = Fine
membership-override-reason = Motivo
membership-override-set-by = Impostata da
membership-override-add = Aggiungi eccezione

organisations-employees = { $count } dipendenti
organisations-delete = Elimina organizzazione
organisations-delete-title = Eliminare { $name }?
organisations-delete-body = Dipendenti, certificazioni e cronologia vengono rimossi da questo spazio di lavoro.
organisations-current = Questa organizzazione
organisations-new = Nuova organizzazione
organisations-name = Nome
organisations-domain = Dominio
organisations-developing = Mercato in via di sviluppo
organisations-create = Crea
organisations-export = Esporta file organizzazione…
organisations-load = Carica file organizzazione…

password-title = Password temporanea
password-once = La password temporanea è mostrata solo ora. Vale 90 giorni e va cambiata al primo accesso.
password-user = Nome utente
password-password = Password temporanea
password-copy = Copia

timeline-empty = Nessuna competenza è posseduta nei prossimi 12 mesi.
timeline-hint = Livelli nei prossimi 12 mesi in base a scadenze, ritiri, uscite, eccezioni e anniversari.
timeline-change = { $date }: { $competency } da { $from } a { $to }

metric-azure-consumption-usd = Consumo Azure (US$)
metric-active-entitlements = Licenze attive
metric-ems-active-entitlements = Postazioni EMS a pagamento
metric-new-ems-customers = Nuovi clienti EMS
metric-power-bi-seats = Postazioni Power BI
metric-new-o365-customers = Nuovi clienti Office 365
metric-net-new-revenue-usd = Nuovo fatturato netto (US$)
metric-operations-revenue-usd = Fatturato Operations (US$)
metric-cloud-net-new-revenue-usd = Nuovo fatturato cloud netto (US$)
metric-gross-license-revenue-usd = Fatturato lordo licenze (US$)
metric-devices-shipped = Dispositivi Surface Hub spediti
metric-surface-hub-adr = Rivenditore autorizzato Surface Hub

panel-imports = Importazioni
import-busy = Un'importazione è già in corso
import-users-button = Importa file utenti…
import-drop-hint = oppure trascina un file CSV o TXT sulla finestra
import-rejected = Il file non può essere importato: { $reason }
import-summary = { $rows } righe: { $new } nuove, { $updates } aggiornamenti di persone esistenti, { $unchanged } invariate, { $errors } con errori
import-confirm = Importa { $count } righe valide
import-status-new = nuovo
import-status-update = aggiornamento
import-status-unchanged = invariato
import-field-display-name = Nome visualizzato
import-field-first-name = Nome
import-field-last-name = Cognome
import-col-line = Riga
import-col-status = Stato
import-col-detail = Email o motivo
import-running = Importazione di { $file }…
import-done = Importazione completata: { $created } creati, { $updated } aggiornati, { $unchanged } invariati
import-log-saved = Registro delle credenziali salvato in { $file }
import-log-warning = Salva ora il registro delle credenziali: le password temporanee non sono memorizzate e andranno perse alla chiusura.
import-close-unsaved-title = Chiudere senza salvare il registro delle credenziali?
import-close-unsaved = Chiudi e dimentica le password
import-log-first = Salva il registro delle credenziali dell'ultima importazione (o chiudila) prima di aprire un altro file.
import-save-log = Salva registro credenziali…
import-history = Cronologia importazioni
import-history-empty = Nessuna importazione.
import-col-when = Quando (UTC)
import-col-file = File
import-col-rows = Righe
import-col-created = Creati
import-col-updated = Aggiornati
import-col-errors = Errori

import-trainings-button = Importa export Trainings…
import-credly-button = Importa file Credly…
import-unknown-credential = { $credential } non è una certificazione del catalogo
import-achievements-done = { $file } importato
import-changed-since-preview = { $file } non è stato importato: l'organizzazione è cambiata dopo l'anteprima. Apri di nuovo il file per vedere cosa cambierebbe ora.
import-achievements-summary = { $rows } righe, { $people } persone, { $found } certificazioni lette, { $skipped } righe di altri tipi, { $unmapped } non nel catalogo, { $errors } errori
import-achievements-confirm = Importa { $new } certificazioni nuove e { $renewed } rinnovate, { $people } persone nuove
import-nothing-new = Niente di nuovo: questo file è già stato importato.
import-nothing-found = Nessuna riga di questo file indica una certificazione del catalogo: niente da importare.
import-nothing-mapped = Nessun modello di questo file è ancora associato a una certificazione: scegli quella di ciascuno qui sotto, poi Associa.
import-diff-new = Certificazioni nuove
import-diff-renewed = Certificazioni rinnovate
import-diff-people = Persone nuove
import-diff-gone = Persone non più presenti nel file
import-diff-unmapped = Titoli che non sono una certificazione del catalogo
import-diff-errors = Errori
import-unmapped-title = { $title }: { $count ->
    [one] riga { $lines }
   *[other] { $count } righe: { $lines }
}
import-credly-map = Il modello { $template } è la certificazione
import-credly-map-button = Associa

## Riga di comando
cli-demo-heading = L'organizzazione dimostrativa, valutata adesso (avvia attain senza comando per la finestra):
cli-error = errore

## Simulazione, piano, persone chiave, promemoria
panel-whatif = Simulazione
panel-plan = Piano
panel-reminders = Promemoria
sandbox-hint = Prova qui delle modifiche senza toccare i dati salvati. Le certificazioni aggiunte e le assunzioni contano subito; «Applica» trasforma le modifiche in modifiche reali (un solo passo, annullabile).
sandbox-kind = Modifica
sandbox-kind-leave = Una persona lascia
sandbox-kind-lapse = Una certificazione decade
sandbox-kind-add = Una persona supera un esame
sandbox-kind-hire = Una nuova assunzione
sandbox-kind-metric = Un dato di prestazione
sandbox-employee = Dipendente
sandbox-date = Data (facoltativa)
sandbox-credential = Certificazione
sandbox-name = Nome
sandbox-credentials = Certificazioni (separate da virgole)
sandbox-metric = Id metrica
sandbox-value = Valore
sandbox-add-change = Aggiungi modifica
sandbox-missing = { $field } è obbligatorio.
sandbox-bad-date = { $value } non è una data.
sandbox-bad-value = { $value } non è un numero.
sandbox-empty = Nessuna modifica: aggiungine una qui sopra per vederne l'effetto.
sandbox-remove = Togli questa modifica
sandbox-apply = Applica come modifiche reali
sandbox-apply-hint = Salva tutte le modifiche in un solo passo; Annulla (Ctrl+Z) le ritira.
sandbox-clear = Svuota
sandbox-applied = Le modifiche sono state salvate.
sandbox-no-change = Nessuna competenza cambia livello.
sandbox-before = Ora
sandbox-after = Con le modifiche
sandbox-because = Perché
sandbox-unchanged = invariato
change-leave = { $employee } lascia
change-leave-on = { $employee } lascia il { $date }
change-lapse = { $employee } non ha più { $credential }
change-add = { $employee } supera { $credential }
change-hire = assunzione di { $name } con { $credentials }
change-metric = { $metric } diventa { $value }
risk-title = Persone chiave
risk-hint = Le persone la cui sola uscita abbassa un livello, e quante uscite regge ogni competenza.
risk-compute = Trova le persone chiave
risk-computing = Ricerca delle persone chiave…
risk-bus-factor = Uscite necessarie per abbassare ogni competenza
risk-more-than = più di { $n }
risk-nobody = Nessuna uscita da sola abbassa un livello.
risk-people = Persone la cui sola uscita abbassa un livello
plan-hint = Le azioni minime per portare una designazione alla soglia o una competenza a un livello: prima certificazioni, associazioni ed esami dei dipendenti attuali, poi assunzioni e dati di prestazione.
plan-target = Livello da raggiungere:
plan-met-already = Già a questo livello: non serve nulla.
plan-infeasible = Nessuna opzione è raggiungibile: tutte le certificazioni di un requisito sono ritirate.
plan-summary = { $count ->
    [one] Un'azione, tramite { $option }:
   *[other] { $count } azioni, tramite { $option }:
}
plan-through-gold = Tramite il livello Gold, che vale anche come Silver.
plan-open = Apri
plan-designations = Designazioni (si qualifica con { $threshold } punti su 100):
plan-designation-total = { $total } punti
plan-competencies = Competenze:
plan-action-associate = { $employee } associa il proprio account di certificazione all'organizzazione
plan-action-pass = { $employee } supera { $credential }
plan-action-renew = { $employee } rinnova { $credential }
plan-action-hire = Assumere una persona con { $credentials }
plan-action-metric = Portare { $metric } da { $from } a { $to }
reminder-credential_expiring = { $employee }: { $credential } smette di contare dopo il { $last } ({ $days } giorni)
reminder-renewal_before = Anniversario dell'appartenenza il { $anniversary }: rinnova nella finestra che segue
reminder-renewal_after = La finestra di rinnovo dopo il { $anniversary } si chiude il { $closes }
reminder-override_ending = L'eccezione per { $competency } termina il { $ends }
reminders-hint = Promemoria { $stages } giorni prima che una certificazione conteggiata smetta di contare, intorno all'anniversario e prima della fine delle eccezioni.
reminders-show-all = Mostra anche completati e rimandati
reminders-export = Esporta nel calendario (.ics)…
reminders-exported = { $count } promemoria scritti in { $file }
reminders-none = Nessun promemoria in scadenza.
reminders-due = Scadenza
reminders-what = Promemoria
reminders-done = Fatto
reminders-snooze = Rimanda di { $days } giorni
reminders-done-state = fatto
reminders-snoozed-state = rimandato al { $date }
reminders-reopen = Riapri
credit-title = Certificati ma non conteggiati
credit-hint = Persone con certificazioni richieste che non contano solo perché l'associazione manca, è in attesa o è con un'altra organizzazione, e cosa porterebbe associarle.
credit-compute = Trovale
credit-nobody = Tutte le persone certificate sono conteggiate.
credit-adds-nothing = nessun livello cambierebbe

## Riepilogo dei riconoscimenti (PDF)
award-title = Riepilogo delle competenze ottenute
award-title-competency = Riepilogo della competenza
award-title-profile = Profilo aziendale
award-organisation = Organizzazione
award-market = Mercato
award-market-developed = Mercato sviluppato
award-market-developing = Mercato in via di sviluppo
award-tier = Appartenenza
award-year = Anno di appartenenza
award-as-of = Valutato al
award-fingerprint = Impronta dei dati
award-option = Ottenuta tramite
award-requirement = Requisito
award-figures = Ottenuto / richiesto
award-person = Persona
award-credential = Certificazione
award-exam-title = Titolo
award-computed = { $level } (calcolato: { $computed })
award-passed = Superato il
award-until = Valido fino al
award-met = soddisfatto
award-not-met = non soddisfatto
award-overrides = Eccezioni
award-not-earned = Non ottenute
award-skill = { $count ->
    [one] Una persona con { $expr }
   *[other] { $count } persone, ciascuna con { $expr }
}
award-expr-any = uno tra: { $credentials }
award-expr-all = tutti: { $credentials }
award-expr-sets = uno di questi gruppi: { $sets }
award-expr-areas = tutte le certificazioni di un'area: { $areas }
award-plus-same = e ciascuna di esse anche con { $expr }
award-plus-k = e { $k } di quelle { $count } anche con { $expr }
award-plus-same-or-different = e { $m } persone, le stesse o altre, con { $expr }
award-plus-different = e altre { $m } persone con { $expr }
top-print = Stampa…
top-print-hint = Stampa o salva il riepilogo delle competenze (Ctrl+P)
top-printing = Preparazione del riepilogo…
print-title = Stampa il riepilogo delle competenze
print-what = Cosa
print-what-org = Tutta l'organizzazione
print-what-profile = Il profilo aziendale (una pagina)
print-what-one = Una competenza…
print-printer = Stampante
print-no-printer = Nessuna stampante installata. Puoi comunque salvare il riepilogo in PDF.
print-choose = Scegli una stampante
print-choose-hint = Questo sistema non ha una stampante predefinita: scegline una qui sopra.
print-default-named = { $printer } (predefinita di sistema)
print-copies = Copie
print-paper = Carta
print-language = Lingua
print-template = Modello
print-template-default = predefinito
print-template-builtin = Usa quello predefinito
print-template-choose = Scegli…
print-print = Stampa
print-save-pdf = Salva come PDF…
print-sent = Inviato alla stampante { $printer }: { $service }
print-saved = Riepilogo salvato in { $file }
print-failed = Impossibile stampare o salvare il riepilogo: { $error }
award-override = livello mantenuto da un'eccezione
award-level = Livello
top-files = Scrittura o lettura del file dell'organizzazione…
notice-wait-loading = L'organizzazione è ancora in lettura; riprova tra un momento.
notice-wait-import = È in corso la scrittura di un'importazione; riprova tra un momento.
import-checking = Lettura e controllo di { $file }…
notice-changed-elsewhere = Lo spazio di lavoro è stato modificato da un'altra istanza di attain: ecco le modifiche.
notice-not-saved = Non salvato: { $reason }
notice-not-saved-changed = Non salvato: nel frattempo un'altra istanza di attain ha modificato lo spazio di lavoro. La finestra ora mostra le sue modifiche; ripeti la modifica se serve ancora.
credit-computing = Ricerca delle persone certificate ma non conteggiate…
import-problem-not-text = non è un file di testo: contiene byte NUL e nessun indicatore UTF-16
import-problem-no-header = il file non ha una riga di intestazione
import-problem-malformed = riga { $line }: la riga non si può leggere ({ $detail })
import-problem-too-large = riga { $line }: più righe, o una riga più lunga, di quante attain ne legge da un file (al massimo { $rows } righe fino a 1 MB); è il file giusto? Se sì, dividilo.
import-problem-cancelled = lettura annullata
import-problem-unknown-column = colonna sconosciuta "{ $column }"
import-problem-duplicate-column = la colonna "{ $column }" compare due volte
import-problem-missing-column = manca la colonna "{ $column }"
import-problem-field-count = { $fields } campi, l'intestazione ne ha { $expected }
import-problem-missing-required = { $field } è vuoto
import-problem-malformed-email = { $field } non è un indirizzo email
import-problem-duplicate-email = { $field }: la stessa email della riga { $first }
import-problem-too-long = { $field } ha { $length } caratteri (al massimo { $max })
import-problem-status-update-not-empty = Status update deve essere vuoto (lo compila il sistema)
import-problem-invalid-date = { $field } non è una data
import-problem-month-mismatch = { $field } non corrisponde alla data di completamento (l'ordine della data è giusto?)
import-problem-other-partner = righe di un altro partner: è l'esportazione di questa organizzazione?
import-problem-too-many-rows = Partner Center accetta al massimo { $limit } utenti per caricamento; questo file ne ha { $rows }
import-problem-no-data-rows = il file non contiene utenti

undo-change = { $kind ->
    [add_employee] dipendente aggiunto
    [update_employee] dipendente modificato
    [remove_employee] dipendente rimosso
    [add_achievement] certificazione aggiunta
    [remove_achievement] certificazione rimossa
    [associate] associazione
    [dissociate] dissociazione
    [set_leaver] data di uscita
    [add_override] eccezione aggiunta
    [remove_override] eccezione rimossa
    [add_performance] dato di prestazione aggiunto
    [remove_performance] dato di prestazione rimosso
    [set_figures] valori delle designazioni inseriti
    [purchase] acquisto dell'appartenenza
    [renew] rinnovo dell'appartenenza
    [set_auto_renew] rinnovo automatico
    [set_org_details] dati dell'organizzazione
    [set_settings] impostazioni
    [batch] modifiche della simulazione applicate
    [import_users] importazione utenti
    [import_trainings] importazione Trainings
    [import_credly] importazione Credly
   *[other] modifica
}
undo-change-of = { $change } ({ $subject })
undo-nothing = Niente da annullare in { $org }.
undo-done-in = Annullato in { $org }: { $change }
import-updates-choice = Ogni aggiornamento sostituisce i nomi di una persona con quelli del file; togli la spunta per lasciare quella persona com'è ({ $skipped } di { $updates } lasciate come sono).
import-apply-all = Applica tutti gli aggiornamenti
import-skip-all = Lascia tutti come sono
import-update-hint = Con la spunta: i nomi del file sostituiscono quelli della persona. Senza: la persona resta com'è.
import-undone = annullata
file-title-import-users = Importa file utenti
file-title-import-trainings = Importa un'esportazione Trainings
file-title-import-credly = Importa un file Credly
file-title-load-org = Carica file organizzazione
file-title-export-org = Esporta file organizzazione
file-title-credentials-log = Salva il registro delle credenziali
file-title-save-pdf = Salva il riepilogo dei riconoscimenti in PDF
file-title-template = Scegli un modello typst
file-title-ics = Esporta i promemoria in iCalendar
path-field-why-missing = Questo sistema non ha una finestra di scelta dei file: non sono installati né il portale del desktop (xdg-desktop-portal) né zenity. Scrivi qui il percorso, oppure installali (sudo apt install xdg-desktop-portal-gtk zenity) e riavvia attain.
path-field-why-off = La finestra di sistema per i file è disattivata (ATTAIN_FILE_DIALOG=window): scrivi qui il percorso.
path-field-label = Percorso
path-field-hint = Tab completa un nome; fai clic su una cartella per aprirla, su un file per sceglierlo (doppio clic per sceglierlo e proseguire).
path-field-open = Apri
path-field-save = Salva
path-field-not-found = { $path } non esiste.
path-field-not-a-file = Scrivi o scegli un file, non una cartella.
path-field-no-folder = La cartella { $path } non esiste.
path-field-no-name = Scrivi il nome del file dopo la cartella.
path-field-replaces = { $path } esiste: salvando lo sostituisci.
path-field-empty-folder = Nessun file o cartella corrispondente qui.
path-field-up = .. (la cartella superiore)
load-same-name-title = "{ $name }" è già nell'area di lavoro
load-same-name-body = Il file { $file } contiene un'organizzazione con lo stesso nome.
load-same-name-replace-warning = Sostituendola si elimina l'organizzazione attuale, con le sue persone, la cronologia delle importazioni e l'annullamento, e non si può annullare.
load-same-name-replace = Sostituiscila
load-same-name-copy = Tienile entrambe ("{ $copy }")
money-usd = { $amount } US$
membership-purchase-title = Acquistare { $tier }?
membership-purchase-body = Viene registrato l'acquisto dell'appartenenza { $tier } il { $date }; l'anno di appartenenza inizia da quel giorno.
membership-purchase-price = Prezzo: { $price }.
membership-purchase-yes = Registra l'acquisto
membership-renew-title = Rinnovare l'appartenenza?
membership-renew-body = Viene registrato il rinnovo il { $date }: un nuovo anno di appartenenza inizia all'anniversario.
membership-renew-yes = Registra il rinnovo
list-and = e
dashboard-show = Mostra
dashboard-filter-all = Tutte
dashboard-filter-attention = Da seguire
dashboard-filter-met = Raggiunte
dashboard-open-hint = Apri la competenza: ogni opzione e livello, con le persone che li coprono
dashboard-computed = calcolato
dashboard-displayed = mostrato
dashboard-at-risk = a rischio dal { $date }
dashboard-missing = { $count ->
    [one] ne manca 1
   *[other] ne mancano { $count }
}
dashboard-met = raggiunta
dashboard-closest = Opzione più vicina a { $level }: { $option }
dashboard-of = { $have } su { $need }
dashboard-people-of = { $have } persone su { $need }
dashboard-back = ← Tutte le competenze
plan-action-wait = Attendi: { $employee } è associato e conta dal { $date } (la sincronizzazione di 24 ore), non serve altro
top-demo = dimostrativa
top-demo-hint = Un'organizzazione dimostrativa con persone inventate, per provare attain: nulla qui è reale.
top-undo-what = Annulla: { $change } (Ctrl+Z)
start-title = Da dove iniziare
start-demo = Questa è un'organizzazione dimostrativa con persone inventate, per mostrare cosa fa attain. Per seguire la tua organizzazione:
start-create = Crea la tua organizzazione
start-import = Importa un file utenti…
start-load = Carica un file organizzazione…
start-dismiss = Ho capito, nascondi
banner-membership = Appartenenza: { $tier }, { $status }
banner-membership-renews = Appartenenza: { $tier }, { $status }; rinnovo il { $date }
banner-membership-none = Nessuna appartenenza registrata.
banner-membership-add = Registrala in Appartenenza
banner-renewal-on = Rinnovo il { $date }.
banner-plan = Cosa la risolverebbe
banner-plan-hint = Le azioni minime che riportano la competenza al livello dell'appartenenza
picker-choose-person = Scegli una persona…
picker-search-person = Nome, email, id o MCID
picker-choose-credential = Scegli una certificazione…
picker-search-credential = Codice o titolo
picker-choose-metric = Scegli un dato…
date-format-hint = GG/MM/AAAA
competency-short = { $count ->
    [one] serve ancora 1 persona
   *[other] servono ancora { $count } persone
}
competency-condition = le persone trovate non soddisfano ancora ogni condizione del requisito
risk-col-person = Persona
risk-col-lowers = La sua uscita abbasserebbe
credit-col-person = Persona
credit-col-why = Perché non conta
credit-col-credentials = Certificazioni
credit-col-adds = L'associazione porterebbe
import-status-refused = rifiutata
achievements-counts-from = conta dal { $date }
timeline-because = — perché { $causes }
cause-starts = { $credential } di { $person } inizia a contare
cause-stops = { $credential } di { $person } smette di contare ({ $why })
cause-figure = il dato { $metric } per il periodo che termina il { $date }
cause-figure-ages = il dato { $metric } per il periodo che termina il { $date } ha più di { $months } mesi
cause-override-starts = inizia l'eccezione su { $competency }
cause-override-ends = termina l'eccezione su { $competency }
competency-met-after-sync = Soddisfatto entro il { $date }, quando la sincronizzazione di 24 ore in corso sarà completata:
dashboard-people-condition = { $have } persone su { $need }, manca ancora una condizione

# Solutions Partner designations panel
panel-designations = Designazioni
spp-rules = Regole Solutions Partner { $snapshot }, verificate il { $checked }: { $threshold } punti con ogni metrica sopra zero, in un giorno qualsiasi degli ultimi { $months } mesi.
spp-all = ← Tutte le designazioni
spp-qualified = Qualificata
spp-attained = Raggiunta nella finestra
spp-not-qualified = Non qualificata
spp-total = { $total } di 100 punti (ne servono { $threshold })
spp-track-line = Percorso che conta: { $track }; { $other }: { $other_total }
spp-metric-at-zero = Una metrica a zero: ogni metrica deve superare lo zero
spp-best = Migliore nella finestra: { $total } il { $date } ({ $track })
spp-details = Chi conta, storico e valori
spp-missing = Manca:
spp-full = punteggio pieno
spp-who-counts = Chi conta
spp-step-gate = Passo { $step }: almeno { $count ->
    [one] una persona
   *[other] { $count } persone
} con una tra
spp-step-per-person = Passo { $step }: punti per ogni persona con una tra
spp-not-counted = Possedute ma non conteggiate
spp-history = La finestra di qualificazione, mese per mese (miglior totale)
spp-figures = Valori mensili
spp-figures-hint = Scrivi o incolla i valori che Partner Center mostra per il mese (valori per entrambi i percorsi). Un campo vuoto rimuove il valore del mese.
spp-month = Mese { $month }
spp-month-before = Mese precedente
spp-month-after = Mese successivo
spp-save-figures = Salva i valori di { $month }
spp-not-a-number = { $figure }: "{ $text }" non è un numero
sandbox-designation = Designazione
risk-designations = Designazioni: persone la cui uscita da sola ne fa perdere la qualificazione
risk-designation-drop = { $designation }: { $total } punti senza di loro
spp-lack-gate = { $count ->
    [one] ancora una persona
   *[other] ancora { $count } persone
} con uno tra: { $credentials } (passo { $step }, necessario prima dei punti)
spp-lack-per-person = { $count ->
    [one] ancora una persona
   *[other] ancora { $count } persone
} con uno tra: { $credentials } (passo { $step }) per il punteggio pieno
spp-lack-no-figure = nessun valore di “{ $figure }” in vigore
spp-lack-figure = { $figure }: { $value }; punteggio pieno a { $full }
spp-lack-no-baseline = nessun valore di “{ $figure }” per { $month }
spp-lack-low-baseline = { $figure }: { $value }; il minimo è { $minimum }
spp-lack-growth = crescita del { $value } %; punteggio pieno al { $full } %
spp-unit-customers = clienti
spp-unit-workloads = carichi di lavoro
spp-unit-usd = dollari USA
spp-unit-users = utenti
spp-unit-services = servizi
spp-unit-tenants = tenant
spp-unit-mcv = valore di consumo mensile (MCV)
spp-unit-flag = 1 = sì, 0 = no
spp-plan = Cosa la qualificherebbe
spp-plan-find = Trova il minimo di certificazioni e valori da cambiare
spp-plan-qualified = È già qualificata: niente da fare.
spp-plan-infeasible = Nessuna combinazione di certificazioni e valori la qualifica.
spp-plan-summary = { $count ->
    [one] Un'azione la porta
   *[other] { $count } azioni la portano
} a { $total } punti sul percorso { $track }:
spp-plan-month = Valori del mese che termina il { $month }, come li mostrerà Partner Center.
award-designations = Designazioni Solutions Partner
award-metric = Metrica
award-points = Punti
award-lacking = Cosa manca
award-people-counted = Persone che contano
