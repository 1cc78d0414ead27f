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

## Riga di comando
cli-error = errore
cli-window-pending = La finestra dell'applicazione non fa ancora parte di questa versione. Ecco la valutazione dell'organizzazione dimostrativa.
