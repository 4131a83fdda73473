//! Waking idle queue workers the moment a job is pushed. The dispatcher announces each
//! push of a job due now on its queue's Redis channel; one subscription per process
//! passes the news to the workers of that queue. Polling stays as the fallback (and is
//! what picks up delayed jobs when they fall due), so a lost subscription costs latency,
//! never a job.

use std::collections::HashMap;
use std::future::Future;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use futures::channel::mpsc;
use futures::{Stream, StreamExt, stream};
use wt_domain::jobs::Queue;
use wt_jobs::Dispatcher;

/// Wait before subscribing again after the subscription broke.
const RESUBSCRIBE_AFTER: Duration = Duration::from_secs(1);

/// The subscribers of each queue's announcements.
#[derive(Debug, Default)]
pub struct Wakeups {
    subscribers: Mutex<HashMap<Queue, Vec<mpsc::Sender<()>>>>,
}

impl Wakeups {
    fn subscribers(&self) -> std::sync::MutexGuard<'_, HashMap<Queue, Vec<mpsc::Sender<()>>>> {
        self.subscribers
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// A stream that yields when a job is pushed to `queue` (bursts coalesced), and every
    /// `poll` besides. The ticks live here rather than in a second apalis poll strategy:
    /// apalis 1.0's interval strategy does not re-arm its timer after it fires, so beside
    /// another strategy it can leave an idle worker asleep.
    pub fn subscribe(
        &self,
        queue: Queue,
        poll: Duration,
    ) -> impl Stream<Item = ()> + Unpin + Send + Sync + use<> {
        let (sender, receiver) = mpsc::channel(1);
        self.subscribers().entry(queue).or_default().push(sender);
        let ticks = stream::unfold((), move |()| async move {
            tokio::time::sleep(poll).await;
            Some(((), ()))
        });
        stream::select(receiver, Box::pin(ticks))
    }

    fn wake(&self, queue: Queue) {
        if let Some(senders) = self.subscribers().get_mut(&queue) {
            // A full channel already holds a wake-up; a closed one belongs to a stopped
            // worker and is dropped.
            senders.retain_mut(|sender| match sender.try_send(()) {
                Ok(()) => true,
                Err(error) => error.is_full(),
            });
        }
    }

    /// Listens for the announcements of `queues` until `stop` resolves.
    pub async fn listen(
        self: Arc<Self>,
        dispatcher: Dispatcher,
        queues: Vec<Queue>,
        stop: impl Future<Output = ()>,
    ) {
        let channels: HashMap<String, Queue> = queues
            .iter()
            .map(|queue| (dispatcher.queues.pushed_channel(*queue), *queue))
            .collect();
        tokio::pin!(stop);
        loop {
            tokio::select! {
                () = self.relay(&dispatcher, &channels) => {}
                () = &mut stop => return,
            }
            tokio::select! {
                () = tokio::time::sleep(RESUBSCRIBE_AFTER) => {}
                () = &mut stop => return,
            }
        }
    }

    /// Relays announcements until the subscription breaks.
    async fn relay(&self, dispatcher: &Dispatcher, channels: &HashMap<String, Queue>) {
        let mut pubsub = match dispatcher.redis().pubsub().await {
            Ok(pubsub) => pubsub,
            Err(error) => {
                tracing::warn!(%error, "cannot subscribe to job announcements; polling only");
                return;
            }
        };
        for channel in channels.keys() {
            if let Err(error) = pubsub.subscribe(channel).await {
                tracing::warn!(%error, "cannot subscribe to job announcements; polling only");
                return;
            }
        }
        let mut messages = pubsub.into_on_message();
        while let Some(message) = messages.next().await {
            if let Some(queue) = channels.get(message.get_channel_name()) {
                self.wake(*queue);
            }
        }
        tracing::warn!("the job announcement subscription ended; subscribing again");
    }
}
