# attain, italiano (Italia)

## Avvisi del rapporto di valutazione (org-file.md)
alert-renewal-at-risk = A seguito di una recente modifica al processo di acquisizione delle competenze, potresti non essere idoneo al rinnovo dell'appartenenza
alert-renewal-window-open = La finestra di rinnovo è aperta: rinnova prima che si chiuda per mantenere i vantaggi
alert-renewal-reminder = L'appartenenza è in scadenza: ricordati di rinnovarla
alert-membership-lapsed = L'appartenenza è scaduta: vantaggi e competenze non sono più visualizzati
alert-association-pending = { $employee } ha { $credentials }, che non contano ancora: l'associazione manca o ha meno di 24 ore
alert-credential-expiring = { $credentials } di { $employee } smette di contare il { $date }
alert-override-ending = L'eccezione su { $competencies } termina: dal { $date } vale di nuovo il livello calcolato

## Avvertenze sui dati
warning-achievement-after-retirement = { $employee } ha superato { $credentials } dopo il ritiro della certificazione: non conta mai
warning-renewal-ineligible = Il rinnovo del { $date } è registrato ma in quel momento nessuna competenza era idonea
warning-cloud-revenue-exceeds-total = Il nuovo fatturato cloud supera il fatturato operativo totale per il periodo che termina il { $date }

## Rapporto testuale
text-as-of = Alla data
text-organisation = Organizzazione
text-competency = Competenza
text-level = Livello
text-displayed = Visualizzato
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
top-undo = Annulla
top-undo-hint = Annulla l'ultima modifica (Ctrl+Z)
top-evaluating = Valutazione in corso…
status-dismiss = Chiudi
button-cancel = Annulla
button-close = Chiudi
button-save = Salva
error-date = "{ $value }" non è una data (usa AAAA-MM-GG o il formato mostrato)
notice-exported = Esportato in { $file }
notice-loaded = Caricato { $file }
notice-undone = L'ultima modifica è stata annullata
impact-drop = { $competency } passerebbe da { $from } a { $to }
list-more = … e altri { $count }
impact-none = Nessun livello di competenza cambia.

alerts-title = Avvisi ({ $count })
alerts-none = Nessun avviso.
code-renewal-at-risk = Rinnovo a rischio
code-renewal-window-open = Finestra di rinnovo aperta
code-renewal-reminder = Promemoria di rinnovo
code-membership-lapsed = Appartenenza scaduta
code-association-pending = Associazione in sospeso
code-credential-expiring = Certificazione in scadenza
code-override-ending = Eccezione in scadenza

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
employees-remove = Rimuovi dipendente
employees-remove-title = Rimuovere { $name }?
employees-date = Data
employees-associate = Associa MCID
employees-dissociate = Dissocia
employees-mcid-needed = Inserisci prima l'identificativo di certificazione (MCID)
employees-mark-leaver = Segna come uscito
employees-unmark-leaver = Non è uscito
employees-leaver-title = { $name } esce il { $date }

achievements-pick = Scegli un dipendente nel pannello Dipendenti.
achievements-col-credential = Certificazione
achievements-col-title = Titolo
achievements-col-passed = Superato il
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
competency-not-listed = { $count } persone hanno solo certificazioni che questa competenza non elenca
pci-customer-engagement = PCI Customer Engagement
pci-finance-operations = PCI Finance and Operations

membership-purchased = Acquistata il
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

password-title = Account utente creato
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

## Riga di comando
cli-error = errore
